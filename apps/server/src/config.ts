import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isPostgresUrl } from './db/dialect';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './db/private-files';

export interface Config {
  production: boolean;
  /** Demo mode (not production): demo data may be loaded and multi-factor may be skipped. */
  demoMode: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  /** 32-byte key for field encryption and CSRF tokens. */
  secretKey: Buffer;
  /** Serve the built web app from this folder when it exists. */
  webDist: string | null;
  logLevel: string;
  /** JSON lines, or one readable line each (LOG_FORMAT; by default pretty on a terminal only). */
  logFormat: 'json' | 'pretty';
  /** The address users open Enlace at, for links in e-mails (ENLACE_PUBLIC_URL). */
  publicUrl: string;
  /** SMTP for the content-free notification e-mails (ENLACE_SMTP_URL); none: in-app only. */
  mail: { smtpUrl: string; from: string } | null;
  /** Whether this server runs the scheduled jobs (ENLACE_JOBS=off on servers that should not). */
  jobs: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /**
   * Where uploaded files' encrypted chunks go (platform/files): a private folder (one server), or
   * a table of the database (several servers sharing PostgreSQL stay stateless).
   */
  filesStore: FilesStoreKind;
  /** The folder of the `folder` store (created 0700 on first upload). */
  filesDir: string;
  /** The largest file accepted, in bytes. */
  filesMaxBytes: number;
}

export type FilesStoreKind = 'folder' | 'db';
export const DEFAULT_FILES_MAX_BYTES = 25 * 1024 * 1024;

export const DEFAULT_DATABASE_URL = './data/enlace.db';

/**
 * Reads the environment. In production ENLACE_SECRET_KEY (base64, 32 bytes) is required;
 * elsewhere a key is made once and kept beside the SQLite database (or in ./data).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port: ${env.PORT}`);
  const webDist = env.ENLACE_WEB_DIST ?? resolve(import.meta.dirname, '../../web/dist');
  const filesStore = env.ENLACE_FILES_STORE || (isPostgresUrl(databaseUrl) ? 'db' : 'folder');
  if (filesStore !== 'folder' && filesStore !== 'db') {
    throw new Error(`ENLACE_FILES_STORE must be "folder" or "db": ${env.ENLACE_FILES_STORE}`);
  }
  const filesMaxBytes = Number(env.ENLACE_FILES_MAX_BYTES || DEFAULT_FILES_MAX_BYTES);
  if (!Number.isSafeInteger(filesMaxBytes) || filesMaxBytes < 1) {
    throw new Error(`ENLACE_FILES_MAX_BYTES is not a number of bytes: ${env.ENLACE_FILES_MAX_BYTES}`);
  }
  return {
    production,
    demoMode: !production,
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    secretKey: loadSecretKey(env, production, databaseUrl),
    webDist: existsSync(webDist) ? webDist : null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    logFormat:
      env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty'
        ? env.LOG_FORMAT
        : process.stdout.isTTY && env.NODE_ENV !== 'test'
          ? 'pretty'
          : 'json',
    publicUrl: (env.ENLACE_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    mail: env.ENLACE_SMTP_URL
      ? { smtpUrl: env.ENLACE_SMTP_URL, from: env.ENLACE_MAIL_FROM || 'Enlace <no-reply@localhost>' }
      : null,
    jobs: env.ENLACE_JOBS !== 'off',
    sessionIdleMs: 30 * 60 * 1000,
    sessionAbsoluteMs: 12 * 60 * 60 * 1000,
    filesStore,
    filesDir: resolve(env.ENLACE_FILES_DIR || join(dataDir(databaseUrl), 'files')),
    filesMaxBytes,
  };
}

/** The folder beside the SQLite database, or ./data when there is none. */
function dataDir(databaseUrl: string): string {
  return isPostgresUrl(databaseUrl) || databaseUrl === ':memory:'
    ? './data'
    : dirname(databaseUrl.replace(/^sqlite:(\/\/)?/, ''));
}

function loadSecretKey(env: NodeJS.ProcessEnv, production: boolean, databaseUrl: string): Buffer {
  if (env.ENLACE_SECRET_KEY) {
    const key = Buffer.from(env.ENLACE_SECRET_KEY, 'base64');
    if (key.length !== 32) throw new Error('ENLACE_SECRET_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  if (production) throw new Error('ENLACE_SECRET_KEY is required in production');
  const dir = isPostgresUrl(databaseUrl) || databaseUrl === ':memory:' ? './data' : dirname(databaseUrl);
  const file = resolve(dir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  ensurePrivateDir(dir);
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  chmodSync(file, PRIVATE_FILE_MODE);
  return key;
}

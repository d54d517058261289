import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data folder and the files in it hold personal data (the SQLite database and its write-ahead
 * log, the secret key, backups): only the account that runs Enlace may read them. Folders are
 * created 0700 and files 0600 when they are made, before anything is written to them; a folder
 * that already exists (say /tmp) is left as it is.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and its missing parents) readable by the owner only. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Makes sure `file` exists and is readable by its owner only: a new file is created empty with
 * mode 0600 (a umask can only narrow it); an existing one is set to 0600 when `tighten` is true.
 * SQLite gives a database's -wal, -shm and journal files the mode of the database file, so
 * creating the database file this way before SQLite opens it covers them too.
 */
export function ensurePrivateFile(file: string, opts: { tighten?: boolean } = {}): void {
  if (existsSync(file)) {
    if (opts.tighten) chmodSync(file, PRIVATE_FILE_MODE);
    return;
  }
  closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
}

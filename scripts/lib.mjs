// Helpers shared by the start, test and benchmark scripts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
const web = join(root, 'apps/web');
export const webDist = join(web, 'dist');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds the web app when apps/web/dist is missing or older than any of its sources. */
export function ensureWebBuilt() {
  const index = join(webDist, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(
    ...['src', 'public', 'index.html', 'vite.config.ts', 'gazetteer.plugin.ts', 'package.json'].map((p) =>
      newestMtime(join(web, p)),
    ),
    newestMtime(join(root, 'packages/shared/src')),
    newestMtime(join(root, 'packages/shared/locales')),
  );
  if (built >= sources) return;
  console.log('Building the web app (apps/web/dist is missing or older than its sources)…');
  const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The web app did not build.');
    process.exit(result.status ?? 1);
  }
}

/** A TCP port free on the loopback interface right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

// `npm start`: build the web app if needed, then run Enlace (which migrates, seeds and serves).
import { spawn } from 'node:child_process';
import { ensureWebBuilt, root } from './lib.mjs';

ensureWebBuilt();
const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

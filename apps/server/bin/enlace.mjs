#!/usr/bin/env node
// The `enlace` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

// Files the command creates (database, backups, exports) are its owner's only, as in main.ts.
process.umask(0o077);
register();
const { runCli } = await import('../src/cli/index.ts');
await runCli(process.argv);

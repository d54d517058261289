import { serve } from './server';

// Whatever the server process creates (database, write-ahead log, keys, files written by any
// room) is its owner's only; db/private-files.ts sets the same modes explicitly where it matters.
process.umask(0o077);

serve().catch((err: unknown) => {
  process.stderr.write(`Enlace could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

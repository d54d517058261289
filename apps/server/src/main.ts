import { serve } from './server';

serve().catch((err: unknown) => {
  process.stderr.write(`Enlace could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

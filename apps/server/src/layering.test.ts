import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout says what uses what (docs/ARCHITECTURE.md): db/ is the lowest floor, platform/ sits
 * on it, modules/ on both, seeds/ above the modules (demo data writes through the application's
 * own services), cli/ and server.ts at the top. This test reads every relative import of the
 * server's sources and fails on one that goes downwards-to-upwards.
 */
const SRC = dirname(new URL(import.meta.url).pathname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every relative import of the server's sources, as paths under src/ ("modules/cases/…"). */
function edges(): { from: string; to: string }[] {
  return sources(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(IMPORT)].map((m) => ({
      from: relative(SRC, file),
      to: relative(SRC, resolve(dirname(file), m[1] as string)),
    }));
  });
}

/** Which floors a file under `floor` may not import. */
const FORBIDDEN: Record<string, string[]> = {
  'db/': ['platform/', 'modules/', 'seeds/', 'cli/', 'app', 'server', 'main', 'config'],
  'platform/': ['modules/', 'seeds/', 'cli/', 'server', 'main'],
  'modules/': ['seeds/demo/', 'cli/', 'server', 'main'],
  'seeds/reference/': ['platform/', 'modules/', 'seeds/demo/', 'cli/', 'server', 'main'],
};

/** "seeds/demo/" holds seeds/demo (its index) and what is under it; "server" is server.ts. */
const within = (path: string, prefix: string) =>
  prefix.endsWith('/')
    ? path === prefix.slice(0, -1) || path.startsWith(prefix)
    : path === prefix || path.startsWith(`${prefix}.`);

describe('the layout of the server', () => {
  const all = edges();

  it('reads the imports (the scan itself works)', () => {
    expect(all.some((e) => e.from === 'server.ts' && within(e.to, 'seeds/demo/'))).toBe(true);
    expect(all.some((e) => within(e.from, 'seeds/demo/') && within(e.to, 'modules/'))).toBe(true);
  });

  it('has no import from a lower floor to a higher one', () => {
    const wrong = all.filter((e) =>
      Object.entries(FORBIDDEN).some(
        ([floor, above]) => within(e.from, floor) && above.some((a) => within(e.to, a)),
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('keeps demo data out of production code: only the seeds, the CLI and the server use it', () => {
    const users = all.filter((e) => within(e.to, 'seeds/demo/') && !within(e.from, 'seeds/demo/'));
    expect(users.map((e) => e.from).sort()).toEqual(['cli/index.ts', 'server.ts']);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, auditLabel, LOCALES } from '@enlace/shared';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from './audit';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The action codes and object types written by every `audit({ … })` call of the server's code. */
function writtenCodes() {
  const actions = new Set<string>();
  const objects = new Set<string>();
  for (const file of sourceFiles(resolve(import.meta.dirname, '../..'))) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\b(?:audit\(|appendAudit\([^{]*)\{([\s\S]*?)\}\)/g)) {
      const body = call[1] ?? '';
      const action = /\baction:\s*([^,\n]+)/.exec(body)?.[1] ?? '';
      for (const m of action.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) actions.add(m[1] as string);
      const object = /\bobjectType:\s*([^,\n]+)/.exec(body)?.[1] ?? '';
      for (const m of object.matchAll(/'([^']+)'/g)) objects.add(m[1] as string);
    }
    // The shares room writes the event its caller gives it, in the caller's transaction.
    for (const call of text.matchAll(
      /\b(?:offer|accept|decline|revoke)(?:Share|InRoom)\([\s\S]*?\baction:([\s\S]*?)\bobjectType:\s*'([^']+)'/g,
    )) {
      for (const m of (call[1] ?? '').matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) actions.add(m[1] as string);
      objects.add(call[2] as string);
    }
  }
  return { actions, objects };
}

describe('audit action catalogue', () => {
  const { actions, objects } = writtenCodes();

  it('holds every action code and object type that the code writes', () => {
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
    expect([...objects].filter((o) => !(AUDIT_OBJECT_TYPES as readonly string[]).includes(o))).toEqual([]);
  });

  it('gives every written action code words in Spanish, English and French', () => {
    const missing = LOCALES.flatMap((l) =>
      [...actions].filter((a) => !auditLabel(l, 'actions', a)).map((a) => `${l}: ${a}`),
    );
    expect(missing).toEqual([]);
  });

  it('lists no code that nothing writes', () => {
    expect(AUDIT_ACTIONS.filter((a) => !actions.has(a))).toEqual([]);
  });
});

describe('canonical JSON', () => {
  it('orders keys at every depth so equal objects hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('entry hash', () => {
  const row = {
    seq: 1,
    prev_hash: GENESIS_HASH,
    occurred_at: '2026-11-23T12:00:00.000Z',
    actor_id: 'u1',
    actor_country: 'MEX',
    action: 'user.created',
    object_type: 'user',
    object_id: 'u2',
    purpose: null,
    outcome: 'success',
    ip: '127.0.0.1',
    details: '{}',
  };

  it('is SHA-256 hex over the previous hash and the entry, and changes with any field', () => {
    const h = entryHash(row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash({ ...row })).toBe(h);
    expect(entryHash({ ...row, actor_country: 'GTM' })).not.toBe(h);
    expect(entryHash({ ...row, prev_hash: 'f'.repeat(64) })).not.toBe(h);
  });
});

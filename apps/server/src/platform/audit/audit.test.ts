import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from './audit';

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

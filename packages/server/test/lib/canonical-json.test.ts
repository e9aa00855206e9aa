import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/canonical-json.ts';

// Stored agreements, seals, loss reports and audit records were hashed over these exact bytes: they must not change.
describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order, drops undefined, writes dates as ISO strings', () => {
    const value = {
      z: 1,
      a: { y: [3, { d: null, b: undefined, c: '调解' }], x: true },
      m: new Date('2026-02-11T08:00:00.000Z'),
      u: undefined,
    };
    expect(canonicalJson(value)).toBe(
      '{"a":{"x":true,"y":[3,{"c":"调解","d":null}]},"m":"2026-02-11T08:00:00.000Z","z":1}',
    );
  });

  it('gives the same text however the keys were ordered, and is stable through a parse', () => {
    const one = canonicalJson({ b: { d: 1, c: 2 }, a: '¥12,345.67' });
    expect(canonicalJson({ a: '¥12,345.67', b: { c: 2, d: 1 } })).toBe(one);
    expect(canonicalJson(JSON.parse(one))).toBe(one);
    expect(canonicalJson('text')).toBe('"text"');
  });
});

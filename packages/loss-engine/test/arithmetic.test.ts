import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, formatDecimal, formatFixed, parseDecimal } from '../src/exact';
import { exactField, FastRat, fastField, OVERFLOW } from '../src/field';

const rat = fc
  .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e7 }))
  .map(([n, d]) => fastField.fromExact(exact(BigInt(n), BigInt(d))));

describe('exact arithmetic', () => {
  it('parses and prints decimals exactly, rounding half away from zero', () => {
    expect(parseDecimal('12.345')).toEqual({ n: 2469n, d: 200n });
    expect(parseDecimal('1e3')).toBeNull();
    expect(formatFixed(exact(1215n, 1000n), 2)).toBe('1.22');
    expect(formatFixed(exact(-1215n, 1000n), 2)).toBe('-1.22');
    expect(formatFixed(exact(-1n, 1000n), 2)).toBe('0.00');
    expect(formatDecimal(exact(1n, 3n), 6, 12)).toBe('0.333333333333');
    expect(formatDecimal(exact(1n, 8n), 6, 12)).toBe('0.125000');
    expect(formatDecimal(exact(1n, 1024n), 6, 12)).toBe('0.0009765625');
    expect(formatDecimal(exact(1n, 4096n), 6, 12)).toBe('0.000244140625');
    expect(formatDecimal(exact(1n, 8192n), 6, 12)).toBe('0.000122070313');
  });

  it('fast field operations equal the BigInt field whenever they do not overflow', () => {
    const ops = ['add', 'sub', 'mul', 'div'] as const;
    fc.assert(
      fc.property(rat, rat, fc.constantFrom(...ops), (a, b, op) => {
        if (op === 'div' && b.n === 0) return;
        let fast: FastRat;
        try {
          fast = fastField[op](a, b);
        } catch (e) {
          expect(e).toBe(OVERFLOW);
          return;
        }
        expect(fastField.toExact(fast)).toEqual(
          exactField.toExact(exactField[op](fastField.toExact(a), fastField.toExact(b))),
        );
        try {
          expect(fastField.cmp(a, b)).toBe(exactField.cmp(fastField.toExact(a), fastField.toExact(b)));
        } catch (e) {
          expect(e).toBe(OVERFLOW);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('fast decimal printing and cent rounding equal the BigInt versions', () => {
    fc.assert(
      fc.property(
        rat,
        fc.constantFrom(1, 1000),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (x, div, a, b) => {
          const e = fastField.toExact(x);
          expect(fastField.decimal(x, div, a, a + b)).toBe(exactField.decimal(e, div, a, a + b));
          expect(fastField.cents(x, div)).toBe(exactField.cents(e, div));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a product beyond 2^53 throws OVERFLOW instead of rounding', () => {
    const big = new FastRat(2 ** 52, 1);
    expect(() => fastField.mul(big, new FastRat(3, 1))).toThrow(OVERFLOW);
    expect(() => fastField.add(new FastRat(Number.MAX_SAFE_INTEGER, 1), new FastRat(1, 1))).toThrow(OVERFLOW);
  });
});

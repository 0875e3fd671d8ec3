import fc from 'fast-check';
import { Decimal } from './decimal';
import {
  exactFromNumber,
  exactJudge,
  exactPercent,
  exactSub,
  exactSum,
  exactToNumber,
} from './exact';

describe('exact scaled integers', () => {
  test('31,6 − 28,1 is exactly 3,5', () => {
    const v = exactSub(exactFromNumber(31.6)!, exactFromNumber(28.1)!);
    expect(v && exactToNumber(v)).toBe(3.5);
  });

  test('sums agree with decimal.js', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { maxLength: 50 }),
        fc.integer({ min: 0, max: 3 }),
        (ns, d) => {
          const values = ns.map((n) => ({ n, d }));
          const s = exactSum(values);
          const dec = ns.reduce((acc, n) => acc.plus(new Decimal(n).div(10 ** d)), new Decimal(0));
          expect(s && exactToNumber(s)).toBe(dec.toNumber());
        },
      ),
    );
  });

  test('percent rounds half away from zero like decimal.js', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e7, max: 1e7 }),
        fc.integer({ min: 1, max: 1e7 }),
        fc.boolean(),
        (v, b, neg) => {
          const base = neg ? -b : b;
          const expected = new Decimal(v)
            .div(Math.abs(base))
            .times(100)
            .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
            .toNumber();
          expect(exactPercent({ n: v, d: 0 }, { n: base, d: 0 })).toBe(expected);
        },
      ),
    );
    expect(exactPercent({ n: -7000, d: 0 }, { n: -683434, d: 0 })).toBe(-1.02);
    expect(exactPercent({ n: 35, d: 1 }, { n: 281, d: 1 })).toBe(12.46);
  });

  test('judging: 9 314 against 9 313 from two figures is rounding, 28 under twelve is a mismatch', () => {
    expect(exactJudge({ n: 9314, d: 0 }, { n: 9313, d: 0 }, 2, 0)).toBe('rounding');
    expect(exactJudge({ n: 100, d: 0 }, { n: 72, d: 0 }, 12, 0)).toBe('mismatch');
    expect(exactJudge({ n: 106, d: 0 }, { n: 100, d: 0 }, 12, 0)).toBe('rounding');
    expect(exactJudge({ n: 2690, d: 1 }, { n: 269, d: 0 }, 2, 1)).toBe('ok');
  });
});

import { Decimal } from './decimal';

/**
 * A decimal as a scaled integer: `n / 10^d`, with `n` a safe integer. Amounts in committee tables
 * (whole tkr, mnkr with one decimal) fit easily, so sums and differences of them are exact
 * integer arithmetic without allocating. Every operation returns null when a result would leave
 * the safe range; callers then fall back to decimal.js.
 * Example: 31,6 is `{ n: 316, d: 1 }`; 31,6 − 28,1 is `{ n: 35, d: 1 }`, i.e. 3,5.
 */
export interface Exact {
  readonly n: number;
  readonly d: number;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

function pow10(k: number): number | null {
  return k >= 0 && k < POW10.length ? (POW10[k] ?? null) : null;
}

/** The exact value of a decimal string (`-12.50`, `3`), or null if it does not fit. */
export function exactFromString(text: string): Exact | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  const n = Number(`${m[1]}${m[2]}${frac}`);
  return Number.isSafeInteger(n) ? { n, d: frac.length } : null;
}

/** The exact value of a cell's number, with binary noise cut at 15 significant digits. */
export function exactFromNumber(value: number): Exact | null {
  if (Number.isSafeInteger(value)) return { n: value, d: 0 };
  const text = String(Number(value.toPrecision(15)));
  return /e/i.test(text) ? null : exactFromString(text);
}

/** Multiplies by 10^k (k ≥ 0): percent units from a fraction. */
export function exactShift(x: Exact, k: number): Exact | null {
  if (x.d >= k) return { n: x.n, d: x.d - k };
  const f = pow10(k - x.d);
  const n = f === null ? NaN : x.n * f;
  return Number.isSafeInteger(n) ? { n, d: 0 } : null;
}

function align(x: Exact, d: number): number | null {
  const f = pow10(d - x.d);
  if (f === null) return null;
  const n = x.n * f;
  return Number.isSafeInteger(n) ? n : null;
}

/** a − b, exactly. */
export function exactSub(a: Exact, b: Exact): Exact | null {
  const d = Math.max(a.d, b.d);
  const x = align(a, d);
  const y = align(b, d);
  if (x === null || y === null) return null;
  const n = x - y;
  return Number.isSafeInteger(n) ? { n, d } : null;
}

/** The sum of some values, exactly (0 for none). */
export function exactSum(values: readonly Exact[]): Exact | null {
  let d = 0;
  for (const v of values) if (v.d > d) d = v.d;
  let n = 0;
  for (const v of values) {
    const x = align(v, d);
    if (x === null) return null;
    n += x;
    if (!Number.isSafeInteger(n)) return null;
  }
  return { n, d };
}

/** The nearest double to the exact value, which prints as the decimal: `{35, 1}` → 3.5. */
export function exactToNumber(x: Exact): number {
  const f = pow10(x.d);
  return f === null ? new Decimal(x.n).div(new Decimal(10).pow(x.d)).toNumber() : x.n / f;
}

/** As a decimal.js value. */
export function exactToDecimal(x: Exact): Decimal {
  return new Decimal(x.n).div(powerOfTen(x.d));
}

/** 10^d as decimal.js makes it, made once per `d` (a `pow` per figure was most of its cost). */
const POWERS_OF_TEN: Decimal[] = [];
function powerOfTen(d: number): Decimal {
  let p = POWERS_OF_TEN[d];
  if (p === undefined) POWERS_OF_TEN[d] = p = new Decimal(10).pow(d);
  return p;
}

/**
 * Compares a reported figure with a recomputed one: `ok` when equal, `rounding` within half a
 * unit of the last shown digit for each of `count` rounded figures, else `mismatch`.
 * Null when the numbers do not fit (the caller uses decimal.js).
 */
export function exactJudge(
  reported: Exact,
  computed: Exact,
  count: number,
  shownDecimals: number,
): 'ok' | 'rounding' | 'mismatch' | null {
  const d = Math.max(reported.d, computed.d, shownDecimals);
  const r = align(reported, d);
  const c = align(computed, d);
  const unit = pow10(d - shownDecimals);
  if (r === null || c === null || unit === null) return null;
  const diff = Math.abs(r - c);
  if (diff === 0) return 'ok';
  // diff ≤ count × ½ × unit  ⇔  2 × diff ≤ count × unit (all integers)
  return 2 * diff <= count * unit ? 'rounding' : 'mismatch';
}

/**
 * `variance / |baseline| × 100`, rounded half away from zero to two decimals, exactly.
 * Null when the baseline is 0 or the numbers do not fit.
 * Example: exactPercent({n: -7000, d: 0}, {n: -683434, d: 0}) → -1.02.
 */
export function exactPercent(variance: Exact, baseline: Exact): number | null {
  if (baseline.n === 0) return null;
  // v/10^vd ÷ (|b|/10^bd) × 100 × 100 (two decimals) = v × 10^(bd − vd + 4) / |b|
  const k = baseline.d - variance.d + 4;
  let num: number;
  let den = Math.abs(baseline.n);
  if (k >= 0) {
    const f = pow10(k);
    num = f === null ? NaN : variance.n * f;
  } else {
    const f = pow10(-k);
    num = variance.n;
    den = f === null ? NaN : den * f;
  }
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) return null;
  const sign = num < 0 ? -1 : 1;
  const a = Math.abs(num);
  let q = Math.floor(a / den);
  let r = a - q * den;
  if (!Number.isSafeInteger(q * den)) return null;
  while (r < 0) {
    q -= 1;
    r += den;
  }
  while (r >= den) {
    q += 1;
    r -= den;
  }
  if (2 * r >= den) q += 1;
  return (sign * q) / 100;
}

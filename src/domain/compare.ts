import { sum, toReportNumber } from './decimal';
import { exactJudge, exactSub, exactSum, exactToNumber, type Exact } from './exact';
import type { ParsedNumber } from './values';
import { judge, roundingTolerance } from './tolerance';

/** A recomputed figure against the reported one, as report numbers. */
export interface Comparison {
  reported: number;
  computed: number;
  /** reported − computed, exact. */
  difference: number;
  verdict: 'ok' | 'rounding' | 'mismatch';
}

/**
 * The rounding allowance of a recomputed figure as a count of half-units of `decimals`: half a
 * unit of the last digit shown for every rounded figure that went into it, each at its own
 * precision (seven parts shown with one decimal and one with three allow 7 × 0,05 + 0,0005), and
 * the reported figure's own rounding where it shows fewer decimals than its parts (a total
 * printed `206,0` over a part of `0,355`).
 */
function allowance(
  reported: ParsedNumber,
  parts: readonly ParsedNumber[],
): { count: number; decimals: number } {
  let decimals = reported.decimals;
  let finest = 0;
  for (const p of parts) if (p.decimals > finest) finest = p.decimals;
  if (finest > decimals) decimals = finest;
  let count = 0;
  for (const p of parts) count += 10 ** (decimals - p.decimals);
  if (reported.decimals < finest) count += 10 ** (decimals - reported.decimals);
  return { count, decimals };
}

function allExact(figs: readonly ParsedNumber[]): Exact[] | null {
  const out: Exact[] = [];
  for (const f of figs) {
    if (!f.exact) return null;
    out.push(f.exact);
  }
  return out;
}

/**
 * Compares `reported` with the signed sum of `terms` (`[figure, +1 | -1]`), allowing half a unit
 * of the last shown digit for every term. Exact: scaled integers where they fit, decimal.js
 * otherwise. Example: reported 9 314 against −62 289 − (−71 602) = 9 313 → `rounding`.
 */
export function compareSigned(
  reported: ParsedNumber,
  terms: readonly (readonly [ParsedNumber, 1 | -1])[],
): Comparison {
  if (terms.length === 2) {
    const fast = compareTwo(reported, terms);
    if (fast) return fast;
  }
  const figs = terms.map(([f]) => f);
  const { count, decimals } = allowance(reported, figs);
  const ex = allExact(figs);
  if (ex && reported.exact) {
    const plus = exactSum(ex.filter((_, i) => terms[i]?.[1] === 1));
    const minus = exactSum(ex.filter((_, i) => terms[i]?.[1] === -1));
    const computed = plus && minus ? exactSub(plus, minus) : null;
    const exact = computed && exactComparison(reported.exact, computed, count, decimals);
    if (exact) return exact;
  }
  const computed = sum(terms.map(([f, s]) => (s === 1 ? f.value : f.value.neg())));
  return {
    reported: toReportNumber(reported.value),
    computed: toReportNumber(computed),
    difference: toReportNumber(reported.value.minus(computed)),
    verdict: judge(reported.value, computed, roundingTolerance(count, decimals)),
  };
}

/** Compares `reported` with the plain sum of `parts`. */
export function compareSum(reported: ParsedNumber, parts: readonly ParsedNumber[]): Comparison {
  const fast = exactSumComparison(reported, parts);
  if (fast) return fast;
  return compareSigned(
    reported,
    parts.map((p) => [p, 1] as const),
  );
}

/** The common case `a ± b`, without allocating: null when it does not fit exactly. */
function compareTwo(
  reported: ParsedNumber,
  terms: readonly (readonly [ParsedNumber, 1 | -1])[],
): Comparison | null {
  const [t0, t1] = terms;
  if (!t0 || !t1) return null;
  const a = t0[0].exact;
  const b = t1[0].exact;
  const r = reported.exact;
  if (!a || !b || !r) return null;
  const sa = t0[1] === 1 ? a : { n: -a.n, d: a.d };
  const sb = t1[1] === 1 ? b : { n: -b.n, d: b.d };
  const computed = exactSum([sa, sb]);
  const { count, decimals } = allowance(reported, [t0[0], t1[0]]);
  return computed && exactComparison(r, computed, count, decimals);
}

/**
 * `compareSum` over scaled integers, without the signed pairs `compareSigned` builds (a total of a
 * hundred lines is summed a thousand times in a large table). Null when a figure does not fit.
 */
function exactSumComparison(
  reported: ParsedNumber,
  parts: readonly ParsedNumber[],
): Comparison | null {
  const r = reported.exact;
  if (!r) return null;
  const exacts: Exact[] = [];
  for (const p of parts) {
    if (!p.exact) return null;
    exacts.push(p.exact);
  }
  const computed = exactSum(exacts);
  const { count, decimals } = allowance(reported, parts);
  return computed && exactComparison(r, computed, count, decimals);
}

/**
 * A reported figure against its recomputation, both exact, as report numbers with the verdict
 * for `count` rounded figures shown with `decimals` decimals; null when they do not fit.
 */
function exactComparison(
  reported: Exact,
  computed: Exact,
  count: number,
  decimals: number,
): Comparison | null {
  const diff = exactSub(reported, computed);
  const verdict = exactJudge(reported, computed, count, decimals);
  if (!diff || !verdict) return null;
  return {
    reported: exactToNumber(reported),
    computed: exactToNumber(computed),
    difference: exactToNumber(diff),
    verdict,
  };
}

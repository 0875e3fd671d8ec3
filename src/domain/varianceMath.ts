/**
 * The arithmetic of one budget variance, positive = favourable, exact: the formula for each sign
 * convention, its percent of the budget, and a figure as the report's number.
 */
import { Decimal, toReportNumber } from './decimal';
import type { SignConvention } from './report';
import type { ParsedNumber } from './values';
import { exactPercent, exactSub, exactToNumber } from './exact';
import type { TableColumn } from './tables';

/**
 * Variance of one figure, positive = favourable (lower cost or higher income than budget).
 * costs-negative: actual − budget; costs-positive: budget − actual.
 * Example: variance(-690434, -683434, 'costs-negative') = -7000 (an underskott of 7 000).
 */
export function variance(actual: Decimal, baseline: Decimal, convention: SignConvention): Decimal {
  return convention === 'costs-negative' ? actual.minus(baseline) : baseline.minus(actual);
}

export function yearOf(c: TableColumn): number | null {
  return c.header.period?.year ?? null;
}

/** A figure as the report's number: exact where it fits, else through decimal.js. */
export function numberOf(f: ParsedNumber): number {
  return f.exact ? exactToNumber(f.exact) : toReportNumber(f.value);
}

/** The variance of one row and its percent of the budget, exactly. */
export function varianceOf(
  a: ParsedNumber,
  b: ParsedNumber,
  convention: SignConvention,
): { number: number; percent: number | null } {
  if (a.exact && b.exact) {
    const v =
      convention === 'costs-negative' ? exactSub(a.exact, b.exact) : exactSub(b.exact, a.exact);
    if (v) {
      const percent = b.exact.n === 0 ? null : exactPercent(v, b.exact);
      if (percent !== null || b.exact.n === 0) return { number: exactToNumber(v), percent };
    }
  }
  const v = variance(a.value, b.value, convention);
  return {
    number: toReportNumber(v),
    percent: b.value.isZero()
      ? null
      : toReportNumber(v.div(b.value.abs()).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
  };
}

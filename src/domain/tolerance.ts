import { Decimal } from './decimal';
import type { CheckSeverity } from './report';

/**
 * Rounding tolerance of a recomputed figure: half a unit of the last digit shown for every
 * rounded figure that went into it. Two whole-tkr figures → 1 tkr; twelve → 6 tkr; two figures
 * with one decimal → 0.1.
 */
export function roundingTolerance(inputCount: number, decimals: number): Decimal {
  return new Decimal(10).pow(-decimals).times(0.5).times(inputCount);
}

/** `ok` when equal, `rounding` within tolerance, else `mismatch`. */
export function judge(reported: Decimal, computed: Decimal, tolerance: Decimal): 'ok' | CheckSeverity {
  const diff = reported.minus(computed).abs();
  if (diff.isZero()) return 'ok';
  return diff.lte(tolerance) ? 'rounding' : 'mismatch';
}

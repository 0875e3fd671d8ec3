import { Decimal } from './decimal';
import type { CheckSeverity } from './report';

/**
 * Rounding tolerance of a recomputed figure: half a unit of the last digit shown for every
 * rounded figure that went into it. Two whole-tkr figures → 1 tkr; twelve → 6 tkr; two figures
 * with one decimal → 0.1.
 */
export function roundingTolerance(inputCount: number, decimals: number): Decimal {
  return halfUnit(decimals).times(inputCount);
}

const HALF_UNITS: Decimal[] = [];

/** Half a unit of the last digit for a number of decimals: 0 → 0.5, 1 → 0.05. */
function halfUnit(decimals: number): Decimal {
  let h = HALF_UNITS[decimals];
  if (!h) {
    h = new Decimal(10).pow(-decimals).times(0.5);
    HALF_UNITS[decimals] = h;
  }
  return h;
}

/** `ok` when equal, `rounding` within tolerance, else `mismatch`. */
export function judge(
  reported: Decimal,
  computed: Decimal,
  tolerance: Decimal,
): 'ok' | CheckSeverity {
  const diff = reported.minus(computed).abs();
  if (diff.isZero()) return 'ok';
  return diff.lte(tolerance) ? 'rounding' : 'mismatch';
}

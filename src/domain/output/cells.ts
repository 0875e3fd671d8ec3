/** Small helpers the document tables share: figures as cells, rounding, widths. */
import { decimalFromNumber, Decimal } from '../decimal';
import type { ParsedNumber } from '../values';
import type { DocumentCell } from './model';

/**
 * A variance in percent of its budget, to one decimal, computed from the amounts themselves (one
 * rounding, not two): −7 000 against −683 434 → −1. Null without a budget or where it is 0.
 *
 * @example percentOfBudget({ variance: -7000, baselineValue: -683434 }) // → -1
 */
export function percentOfBudget(v: {
  readonly variance: number;
  readonly baselineValue: number | null;
}): number | null {
  if (v.baselineValue === null || v.baselineValue === 0 || !Number.isFinite(v.variance))
    return null;
  return decimalFromNumber(v.variance)
    .div(decimalFromNumber(v.baselineValue).abs())
    .times(100)
    .toDecimalPlaces(1, Decimal.ROUND_HALF_UP)
    .toNumber();
}

/** Decimals a number needs to be shown exactly, at most `max`. */
export function decimalsOf(value: number | null, max = 2): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const d = decimalFromNumber(value).decimalPlaces();
  return d < max ? d : max;
}

/** A figure of the source as a cell: its exact value, the decimals it shows, percent or not. */
export function figureCell(f: ParsedNumber | null | undefined): DocumentCell {
  if (!f) return { value: null };
  const decimals = f.decimals > 6 ? 6 : f.decimals;
  return {
    value: f.value.toNumber(),
    ...(decimals > 0 ? { decimals } : {}),
    ...(f.percent ? { percent: true } : {}),
  };
}

/** A text cell ('' and null are an empty cell). */
export function textCell(text: string | null): DocumentCell {
  return { value: text === null || text === '' ? null : text };
}

/** A column width in characters for texts: the longest (first line) within `min`..`max`. */
export function textWidth(texts: readonly string[], min: number, max: number): number {
  let w = min;
  for (const t of texts) {
    const len = (t.split('\n')[0] ?? '').length + 2;
    if (len > w) w = len;
  }
  return w > max ? max : w;
}

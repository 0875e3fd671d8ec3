/** Small helpers the document tables share: figures as cells, rounding, widths. */
import { decimalFromNumber, Decimal } from '../decimal';
import { formatSwedish } from '../format';
import type { ParsedNumber } from '../values';
import type { DocumentCell, DocumentColumn } from './model';

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

/** True where a cell shows a percent: its column's kind, or the cell's own figure. */
export function isPercentCell(cell: DocumentCell, column: DocumentColumn): boolean {
  return column.kind === 'percent' || cell.percent === true;
}

/** The decimals a cell shows: its own, or its column's (one for percent, none otherwise). */
export function cellDecimals(cell: DocumentCell, column: DocumentColumn): number {
  return cell.decimals ?? (column.kind === 'percent' ? 1 : 0);
}

/**
 * A cell as the document shows it, in Word and on the clipboard alike: numbers Swedish (`−7 000`,
 * `2,5`, `−1,0 %`, with U+2212 and no-break spaces, so a number never breaks across lines), texts
 * as they are, a figure too large to be a number said so.
 *
 * @example cellString({ value: -1, decimals: 1 }, { kind: 'percent' } as DocumentColumn) // → '−1,0 %'
 */
export function cellString(cell: DocumentCell, column: DocumentColumn): string {
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return 'för stort tal';
  const body = formatSwedish(v, cellDecimals(cell, column));
  return isPercentCell(cell, column) ? `${body}\u00a0%` : body;
}

import { Decimal } from './decimal';

/** How to write a Swedish number. */
export interface SwedishFormat {
  /** Exactly this many decimals (rounded half up). */
  decimals?: number;
  /** At most this many decimals; fewer when the value has fewer. */
  maxDecimals?: number;
  /** ASCII minus and a plain space (for terminals and search), instead of U+2212 and U+00A0. */
  plain?: boolean;
}

/**
 * Formats a number the Swedish way: digit groups separated by a space, decimal comma, minus
 * sign. `formatSwedish(-7000)` → `−7 000` (U+2212, no-break space);
 * `formatSwedish(-7000, { plain: true })` → `-7 000`; `formatSwedish(3.5)` → `3,5`.
 * A bare number as the second argument means `decimals`.
 */
export function formatSwedish(
  value: number | Decimal,
  format: number | SwedishFormat = {},
): string {
  const opts: SwedishFormat = typeof format === 'number' ? { decimals: format } : format;
  let d = value instanceof Decimal ? value : new Decimal(Number(value.toPrecision(15)));
  if (opts.maxDecimals !== undefined)
    d = d.toDecimalPlaces(opts.maxDecimals, Decimal.ROUND_HALF_UP);
  const fixed =
    opts.decimals === undefined ? d.toFixed() : d.toFixed(opts.decimals, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-') && /[1-9]/.test(fixed);
  const [intPart = '', frac] = fixed.replace(/^-/, '').split('.');
  const space = opts.plain ? ' ' : '\u00a0';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, space);
  const body = frac ? `${grouped},${frac}` : grouped;
  return negative ? `${opts.plain ? '-' : '\u2212'}${body}` : body;
}

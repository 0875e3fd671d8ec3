import { Decimal } from './decimal';

/**
 * Formats a number the Swedish way: digit groups separated by a no-break space, decimal comma,
 * U+2212 minus. `formatSwedish(-7000)` → `−7 000`; `formatSwedish(3.5)` → `3,5`.
 * `decimals` fixes the number of decimals; otherwise the value's own decimals are shown.
 */
export function formatSwedish(value: number | Decimal, decimals?: number): string {
  const d = value instanceof Decimal ? value : new Decimal(value);
  const fixed = decimals === undefined ? d.toFixed() : d.toFixed(decimals, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith('-');
  const [intPart = '', frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const body = frac ? `${grouped},${frac}` : grouped;
  return negative && !/^[0,\u00a0]+$/.test(body) ? `\u2212${body}` : body;
}

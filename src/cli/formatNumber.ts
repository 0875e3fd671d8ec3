/**
 * Swedish numbers for the terminal: digit groups with a space, decimal comma, ASCII minus
 * (`-7 000`, `2,5`), so the summary can be copied and searched as typed.
 */
import Decimal from 'decimal.js';

/**
 * Formats a number Swedish style, showing its own decimals (at most `maxDecimals`).
 *
 * @example formatNumber(-7000) // → '-7 000'
 * @example formatNumber(3.5) // → '3,5'
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  const d = new Decimal(Number(value.toPrecision(15))).toDecimalPlaces(maxDecimals);
  const fixed = d.toFixed();
  const negative = fixed.startsWith('-') && !d.isZero();
  const [intPart = '', frac] = fixed.replace(/^-/, '').split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** An amount with its unit: `-7 000 tkr`; no unit → just the number. */
export function formatAmount(value: number, unit: string | null): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** A percent with one decimal: `-1,7 %`, `-1,0 %`. */
export function formatPercent(value: number): string {
  const fixed = new Decimal(Number(value.toPrecision(15))).toFixed(1);
  const [intPart = '', frac = '0'] = fixed.replace(/^-/, '').split('.');
  const negative = fixed.startsWith('-') && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac} %`;
}

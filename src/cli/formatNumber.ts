/**
 * Swedish numbers for the terminal: digit groups with a space, decimal comma, ASCII minus
 * (`-7 000`, `2,5`), so the summary can be copied and searched as typed.
 */
import { formatSwedish } from '../domain/format';

/**
 * Formats a number Swedish style, showing its own decimals (at most `maxDecimals`).
 *
 * @example formatNumber(-7000) // → '-7 000'
 * @example formatNumber(3.5) // → '3,5'
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  return formatSwedish(value, { maxDecimals, plain: true });
}

/** An amount with its unit: `-7 000 tkr`; no unit → just the number. */
export function formatAmount(value: number, unit: string | null): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** A percent with one decimal: `-1,7 %`, `-1,0 %`. */
export function formatPercent(value: number): string {
  return `${formatSwedish(value, { decimals: 1, plain: true })} %`;
}

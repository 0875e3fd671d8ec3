import Decimal from 'decimal.js';

/**
 * Exact decimals for every amount the engine computes. Re-exported so the rest of the domain
 * does not depend on the library's name.
 */
export { Decimal };

/** A JS number from a cell, as the decimal it was meant to be: 28.1 stays 28.1, 0.1+0.2 noise is cut. */
export function decimalFromNumber(value: number): Decimal {
  if (Number.isSafeInteger(value)) return new Decimal(value);
  // 15 significant digits is what a spreadsheet stores reliably; it removes binary noise.
  return new Decimal(Number(value.toPrecision(15)).toString());
}

/** The report's number for an exact decimal: the nearest double, which prints as the decimal. */
export function toReportNumber(value: Decimal): number {
  return value.toNumber();
}

/** Sum of decimals; 0 for none. */
export function sum(values: readonly Decimal[]): Decimal {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * `parseFloat` of a number's text read straight from its bytes, for the plain decimals of `<v>`
 * (`-2803`, `0.92`, `1.5E-3`): exactly the double `parseFloat` gives, without making a string.
 */

/** 10^0 … 10^22: every one exact as a double. */
const POWERS = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * `parseFloat` of an ASCII decimal (`-11828.26`, `1e3`) of at most 15 digits, exactly: the digits
 * as an integer, then one multiplication or division by an exact power of ten, which IEEE rounds
 * correctly as `parseFloat` does. `undefined` for anything else (leading spaces, `+`, `Infinity`,
 * more digits), which `parseFloat` itself then reads.
 */
export function simpleDecimal(d: Uint8Array, start: number, end: number): number | undefined {
  let p = start;
  const negative = d[p] === 45;
  if (negative) p++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let any = false;
  let c = 0;
  while (p < end && (c = d[p]! - 48) >= 0 && c <= 9) {
    any = true;
    if (mantissa !== 0 || c !== 0) {
      mantissa = 10 * mantissa + c;
      digits++;
    }
    p++;
  }
  if (p < end && d[p] === 46) {
    p++;
    while (p < end && (c = d[p]! - 48) >= 0 && c <= 9) {
      any = true;
      if (mantissa !== 0 || c !== 0) {
        mantissa = 10 * mantissa + c;
        digits++;
      }
      scale++;
      p++;
    }
  }
  if (!any || digits > 15) return undefined;
  let exponent = 0;
  if (p < end && (d[p] === 101 || d[p] === 69)) {
    p++;
    const negativeExponent = d[p] === 45;
    if (negativeExponent || d[p] === 43) p++;
    const first = p;
    while (p < end && (c = d[p]! - 48) >= 0 && c <= 9 && p - first < 4) {
      exponent = 10 * exponent + c;
      p++;
    }
    if (p === first) return undefined;
    if (negativeExponent) exponent = -exponent;
  }
  if (p !== end) return undefined;
  if (mantissa === 0) return negative ? -0 : 0;
  const power = exponent - scale;
  if (power < -22 || power > 22) return undefined;
  const magnitude = power >= 0 ? mantissa * POWERS[power]! : mantissa / POWERS[-power]!;
  return negative ? -magnitude : magnitude;
}

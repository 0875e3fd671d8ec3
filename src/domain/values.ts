import type { CellValue } from './grid';
import { Decimal, decimalFromNumber } from './decimal';
import {
  exactFromNumber,
  exactFromString,
  exactShift,
  exactToDecimal,
  exactToNumber,
  type Exact,
} from './exact';

/**
 * A cell read as a number the way a Swedish reader reads it.
 * `value` is exact (decimal.js, made on first use); `exact` is the same value as a scaled
 * integer for fast exact sums, or null when it does not fit; `percent` says the value is in
 * percent units (92 means 92 %); `decimals` is how many decimals the figure shows (for rounding
 * tolerance); `note` is text that followed the number (`(hela kommunen)`).
 */
export interface ParsedNumber {
  readonly value: Decimal;
  readonly exact: Exact | null;
  /** The value as a float, for fast screening only; decisions use `exact` or `value`. */
  readonly approx: number;
  readonly percent: boolean;
  readonly decimals: number;
  readonly note: string | null;
}

/**
 * The one object per parsed cell: it is its own scaled integer (`n`, `d`) when the value fits, so
 * a sheet of 300 000 figures allocates 300 000 objects, not twice that (the garbage collector
 * copies every one that survives).
 */
class Parsed implements ParsedNumber, Exact {
  private decimal: Decimal | undefined;
  readonly n: number;
  readonly d: number;
  private readonly fits: boolean;
  constructor(
    /** The scaled integer `n / 10^d`; `n` null when the value does not fit one. */
    n: number | null,
    d: number,
    private readonly source: string | number,
    readonly approx: number,
    readonly percent: boolean,
    readonly decimals: number,
    readonly note: string | null,
  ) {
    this.fits = n !== null;
    this.n = n ?? 0;
    this.d = n === null ? 0 : d;
  }

  get exact(): Exact | null {
    return this.fits ? this : null;
  }

  get value(): Decimal {
    if (this.decimal === undefined) {
      this.decimal = this.fits
        ? exactToDecimal(this)
        : typeof this.source === 'number'
          ? decimalFromNumber(this.source)
          : new Decimal(this.source);
      if (this.percent && typeof this.source === 'number' && !this.fits) {
        this.decimal = this.decimal.times(100);
      }
    }
    return this.decimal;
  }
}

/**
 * A figure from its parts, as a table's figure store keeps them: the scaled integer `n / 10^d`,
 * its float, percent-ness and shown decimals. Example: exactFigure(281, 1, 28.1, false, 1) is 28,1.
 */
export function exactFigure(
  n: number,
  d: number,
  approx: number,
  percent: boolean,
  decimals: number,
): ParsedNumber {
  return new Parsed(n, d, approx, approx, percent, decimals, null);
}

/** Words meaning "no value" (compared in lower case, trimmed). */
const NO_VALUE = new Set([
  '',
  '-',
  '–',
  '—',
  '−',
  'saknas',
  'utfall saknas',
  'mål saknas',
  'målvärde saknas',
  'värde saknas',
  'uppgift saknas',
  'ej aktuellt',
  'ej aktuell',
  'n/a',
  'x',
  '..',
]);

const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;

/** True when a cell holds nothing a reader would call a value (`-`, `saknas`, empty). */
export function isNoValue(cell: CellValue): boolean {
  if (cell === null) return true;
  if (typeof cell === 'string') return NO_VALUE.has(normaliseText(cell).toLowerCase());
  return false;
}

/** Collapses runs of white space (incl. no-break spaces) and trims. */
export function normaliseText(text: string): string {
  // Most cells need nothing done: no odd spaces, no runs, nothing at the ends.
  if (!ODD_SPACE.test(text)) return text;
  return text.replace(/[\s\u00a0\u202f\u2009\u2007]+/g, ' ').trim();
}

const ODD_SPACE = /[\t\n\r\u00a0\u202f\u2009\u2007]| {2}|^ | $/;

const FORMAT_CACHE = new Map<string, { decimals: number | null; percent: boolean }>();

/** Decimals and percent-ness of a number format, parsed once per format string. */
function formatInfo(format: string | null | undefined): {
  decimals: number | null;
  percent: boolean;
} {
  const key = format ?? '';
  let info = FORMAT_CACHE.get(key);
  if (!info) {
    info = { decimals: formatDecimals(format), percent: isPercentFormat(format) };
    FORMAT_CACHE.set(key, info);
  }
  return info;
}

/**
 * The shown decimals of a whole number in a cell of this format, when it is a plain amount (not a
 * percent): what `readNumber` would give as `decimals`, without making the figure; null for a
 * percent format. Example: wholeNumberDecimals('#,##0.0') → 1; wholeNumberDecimals('0%') → null.
 */
export function wholeNumberDecimals(format: string | null | undefined): number | null {
  const info = formatInfo(format);
  return info.percent ? null : (info.decimals ?? 0);
}

/** `isPercentFormat`, parsed once per format string. */
export function isPercentFormatCached(format: string | null | undefined): boolean {
  return formatInfo(format).percent;
}

/** Decimals a number format shows (`0.0%` → 1, `# ##0` → 0); null for General. */
export function formatDecimals(format: string | null | undefined): number | null {
  if (!format || /^general$/i.test(format.trim())) return null;
  const section = format.split(';')[0] ?? '';
  const cleaned = section.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  const m = /[.,]([0#?]+)/.exec(cleaned.replace(/#,##|# ##/g, '#'));
  return m ? (m[1] ?? '').length : 0;
}

/** True for a percent number format (`0%`, `0.0 %`). */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return /%/.test(format.replace(/"[^"]*"/g, '').replace(/\\%/g, ''));
}

// sign, digits with group separators, optional decimal part, optional percent
const NUMBER_AT_START =
  /^([+\-\u2212\u2013])?\s*(\d{1,3}(?:[ \u00a0\u202f\u2009\u2007]\d{3})+|\d+)(?:[.,](\d+))?\s*(%)?/;

/**
 * Reads a Swedish text number: `-10 882`, `−137 901`, `28,1`, `82 %`, `7,03 %`. A number followed
 * by words keeps the first number and the rest as a note: `82,2 (vård) 80,5 (hela kommunen)` is
 * 82.2. Returns null when the text does not start with a number.
 * Example: parseSwedishNumber('−137 901') → value −137901.
 */
export function parseSwedishNumber(text: string): ParsedNumber | null {
  const trimmed = text
    .replace(/^[\s\u00a0\u202f\u2009]+/, '')
    .replace(/[\s\u00a0\u202f\u2009]+$/, '');
  const m = NUMBER_AT_START.exec(trimmed);
  if (!m) return null;
  const rest = trimmed.slice(m[0].length);
  // A number glued to letters or dots ("3 mån", "3.2.1 Mål") is a phrase; a note follows a space or bracket.
  if (rest.length > 0 && !/^[\s(*]/.test(rest)) return null;
  // "70-100" is a range, "2022/2023" a pair of years: not a single number.
  if (/^[-–/]\s*\d/.test(rest)) return null;
  const sign = m[1] && m[1] !== '+' ? '-' : '';
  const intPart = (m[2] ?? '').replace(SPACES, '');
  const frac = m[3] ?? '';
  const literal = `${sign}${intPart}${frac ? `.${frac}` : ''}`;
  const exact = exactFromString(literal);
  const note = rest.trim();
  return new Parsed(
    exact?.n ?? null,
    exact?.d ?? 0,
    literal,
    exact ? exactToNumber(exact) : Number(literal),
    m[4] === '%',
    frac.length,
    note.length > 0 ? note : null,
  );
}

/**
 * A cell as a number, using its number format: a `0%` cell holding 0.92 is 92 (percent).
 * Text cells are parsed as Swedish numbers. Returns null for empty, "no value" words and text.
 */
export function readNumber(
  cell: CellValue,
  format: string | null | undefined,
): ParsedNumber | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return null;
    const fmt = formatInfo(format);
    if (!fmt.percent && Number.isSafeInteger(cell)) {
      return new Parsed(cell, 0, cell, cell, false, fmt.decimals ?? 0, null);
    }
    const exact = exactFromNumber(cell);
    if (fmt.percent) {
      const shifted = exact ? exactShift(exact, 2) : null;
      const approx = shifted ? exactToNumber(shifted) : cell * 100;
      const decimals = fmt.decimals ?? Math.max(0, shifted?.d ?? 0);
      return new Parsed(shifted?.n ?? null, shifted?.d ?? 0, cell, approx, true, decimals, null);
    }
    const decimals = fmt.decimals ?? shownDecimals(cell);
    return new Parsed(exact?.n ?? null, exact?.d ?? 0, cell, cell, false, decimals, null);
  }
  if (startsWithLetter(cell)) return null;
  if (isNoValue(cell)) return null;
  return parseSwedishNumber(cell);
}

/**
 * True for text that starts with a letter: never a number ("saknas" and the like are no value
 * either), so such a cell needs no parsing. Example: startsWithLetter('Hemtjänst') → true.
 */
export function startsWithLetter(text: string): boolean {
  const first = text.charCodeAt(0);
  return (
    (first >= 65 && first <= 90) ||
    (first >= 97 && first <= 122) ||
    (first >= 0xc0 && first !== 0x2212 && first !== 0x2013 && first < 0x2000)
  );
}

/** A cell as display text (numbers in plain form); empty string for null. */
export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return normaliseText(cell);
  return String(cell);
}

/** Decimals a General-formatted number shows (Excel shows about ten significant digits). */
function shownDecimals(n: number): number {
  if (Number.isInteger(n)) return 0;
  const text = String(Number(n.toPrecision(10)));
  if (/e/i.test(text)) return new Decimal(text).decimalPlaces();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Sentences in a text: a full stop, `!` or `?` followed by a capital starts a new one.
 *
 * @example sentenceCount('Vi ska förbättra vardagen. Vi utgår från behoven.') // → 2
 */
export function sentenceCount(text: string): number {
  return 1 + (text.trim().match(/[.!?]\s+(?=\p{Lu})/gu)?.length ?? 0);
}

/**
 * A figure, then its unit (`µg/m3`, `ton/inv`, `kg/person`, `mg/kg ts`, `dagar`, `km/dygn`), then
 * perhaps its year in brackets.
 */
const FIGURE_WITH_UNIT =
  /^([+\-\u2212]?\d{1,3}(?:[ \u00a0]\d{3})*(?:[.,]\d+)?|[+\-\u2212]?\d+(?:[.,]\d+)?)\s+([\p{L}µ‰°][\p{L}\d/.²³µ‰°]{0,11}(?:\s\p{L}{1,3})?)(?:\s*\((?:19|20)\d\d\))?$/u;

/**
 * An indicator's figure written with its unit, and perhaps its year: `15 µg/m3 (2023)`,
 * `479 kg/person`, `5 dagar`. A measure carries its unit; the figure is the number before it.
 * Null for anything else (a number alone is read by `readNumber`).
 *
 * @example figureWithUnit('15 µg/m3 (2023)') // → { figure: 15, unit: 'µg/m3' }
 */
export function figureWithUnit(text: string): { figure: ParsedNumber; unit: string } | null {
  const m = FIGURE_WITH_UNIT.exec(normaliseText(text));
  if (!m) return null;
  const figure = parseSwedishNumber(m[1] ?? '');
  return figure && figure.note === null ? { figure, unit: m[2] ?? '' } : null;
}

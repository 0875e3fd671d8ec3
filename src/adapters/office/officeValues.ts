/**
 * Office.js cell values as the engine's plain values: error strings and empty strings become
 * null, date serials with a date format become ISO dates (as the xlsx adapter does).
 */
import type { CellValue } from '../../domain/grid';

/** Excel's error values as Office.js returns them in `values`. */
const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
  '#EXTERNAL!',
]);

/**
 * True when a number format shows a date (`yyyy-mm-dd`, `d/m/yyyy`, `[$-41D]d mmm yyyy`), not a
 * time or duration only. Quoted text, escapes and `[...]` sections are ignored.
 * @example isDateFormat('yyyy-mm-dd') // true;  isDateFormat('0.0%') // false
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const first = format.split(';')[0] ?? '';
  const bare = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '')
    .toLowerCase();
  return /[dy]/.test(bare) || (/m/.test(bare) && !/[hs]/.test(bare));
}

/** An Excel (1900 system) date serial as `YYYY-MM-DD`. Serial 60 is Excel's fictitious 1900-02-29. */
export function serialToIso(serial: number): string {
  const days = Math.floor(serial);
  if (days === 60) return '1900-02-29';
  const offset = days < 60 ? 1 : 0; // before the phantom leap day Excel is one day ahead
  const ms = Date.UTC(1899, 11, 30) + (days + offset) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The error a cell shows (`#DIV/0!`), or null when it shows none. The engine reads such a cell as
 * empty and reports it (`SheetSnapshot.errors`).
 * @example officeError('#REF!') // '#REF!';  officeError(12) // null
 */
export function officeError(value: unknown): string | null {
  return typeof value === 'string' && ERROR_VALUES.has(value) ? value : null;
}

/**
 * One cell from Office.js (`values` and `numberFormat` side by side) as an engine value.
 * @example fromOfficeValue(45169, 'yyyy-mm-dd') // '2023-08-31'
 * @example fromOfficeValue('#DIV/0!', 'General') // null
 */
export function fromOfficeValue(value: unknown, format: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return typeof format === 'string' && isDateFormat(format) && value >= 1
      ? serialToIso(value)
      : value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return null; // entities (ExcelApi 1.16 rich values) are not read
  return ERROR_VALUES.has(value) ? null : value;
}

/**
 * One sheet's cells made into the engine's `SheetSnapshot`, the same way for both xlsx readers
 * (SheetJS's cells in `readWorkbook.ts`, the streamed XML in `sheetCells.ts`): each cell's value
 * (a date-formatted number as ISO text, `''` as no value, an error cell as no value but noted in
 * `errors`) and number format stored by position, then the whole trimmed to the last row and
 * column holding a value and made dense.
 */
import * as XLSX from '@e965/xlsx';
import type { CellError, CellValue, SheetSnapshot } from '../../domain/grid';
import type { ReadBudget } from './readBudget';

// SheetJS ships these two helpers untyped; the slice we use, typed.
interface Ssf {
  is_date(format: string): boolean;
  parse_date_code(
    serial: number,
    opts?: { date1904?: boolean },
  ): { y: number; m: number; d: number } | null;
}
const SSF = XLSX.SSF as Ssf;

/** Excel's error values by SheetJS's code for them (its `BErr`). */
const ERROR_TEXTS: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};
const KNOWN_ERRORS = new Set(Object.values(ERROR_TEXTS));
/** What an error SheetJS has no code for (`#SPILL!`, `#CALC!`) is called, by both readers. */
const OTHER_ERROR = '#FEL!';

/**
 * The text of an error cell from SheetJS's code (`7` → `#DIV/0!`) or from the cell's own text in
 * the XML (`#DIV/0!`). Errors SheetJS does not know become `#FEL!` either way, so the readers agree.
 * Example: errorText(7) → '#DIV/0!'; errorText('#SPILL!') → '#FEL!'.
 */
export function errorText(codeOrText: unknown): string {
  if (typeof codeOrText === 'number') return ERROR_TEXTS[codeOrText] ?? OTHER_ERROR;
  if (typeof codeOrText === 'string' && KNOWN_ERRORS.has(codeOrText)) return codeOrText;
  return OTHER_ERROR;
}

/** Text as both readers give it: `''` (and none) is no value. Example: `textValue('')` → null. */
export function textValue(text: string | null | undefined): CellValue {
  return text === '' || text === undefined || text === null ? null : text;
}

/** Rows are made at most this wide ahead of their cells (a far cell grows only its own row). */
const WIDTH_AHEAD = 256;

/** Excel's number of columns (XFD): a cell's key is `row × MAX_COLS + col`. */
const MAX_COLS = 16384;

/** A sheet's cells by 0-based row and column, each with SheetJS's format `z` beside it. */
export class SnapshotBuilder {
  private readonly values: (CellValue[] | undefined)[] = [];
  private readonly formats: (unknown[] | undefined)[] = [];
  /** The widest row so far (up to `WIDTH_AHEAD`): new rows are made this wide. */
  private width = 0;
  /** Error cells by `row × 16 384 + col` (a cell stored again later is no error any more). */
  private readonly errors = new Map<number, string>();

  /** `account`: the reading's budget, charged per cell and asked before the grid is made dense. */
  constructor(
    private readonly date1904: boolean,
    private readonly account?: { readonly budget: ReadBudget; readonly sheet: string },
  ) {}

  /**
   * Stores a cell, replacing what was there. Example: `builder.set(0, 1, 0.92, '0%')`.
   * Cells at negative positions are dropped (SheetJS files them where no reader looks).
   */
  set(row: number, col: number, value: CellValue, z: unknown): void {
    if (row < 0 || col < 0) return;
    this.account?.budget.cell();
    let values = this.values[row];
    let formats = this.formats[row];
    if (!values || !formats) {
      // As wide as the widest row so far (a row grown cell by cell would hold room for 17), and
      // filled, so that every row is an array of the same kind whatever its first value.
      values = new Array<CellValue>(this.width).fill(null);
      formats = new Array<unknown>(this.width).fill(null);
      this.values[row] = values;
      this.formats[row] = formats;
    }
    if (col >= this.width) this.width = Math.min(col + 1, WIDTH_AHEAD);
    values[col] = value;
    formats[col] = z;
    if (this.errors.size > 0) this.errors.delete(row * MAX_COLS + col);
  }

  /** An error cell (`#DIV/0!`): no value, and noted in the snapshot's `errors`. */
  error(row: number, col: number, text: string, z: unknown): void {
    if (row < 0 || col < 0 || col >= MAX_COLS) return;
    this.set(row, col, null, z);
    this.errors.set(row * MAX_COLS + col, text);
  }

  /**
   * A number as the engine gets it: `null` unless finite; an ISO date when `z` is a date format
   * and the serial is a day (1 or more) the date system knows; else the number itself.
   * Example: `builder.number(45169, 'm/d/yy')` → `'2023-08-31'`; `builder.number(0.5, 'd/m/yy')` → 0.5.
   */
  number(n: number, z: unknown): CellValue {
    if (!Number.isFinite(n)) return null;
    if (n >= 1 && isDateFormatCode(z)) {
      const date = SSF.parse_date_code(n, { date1904: this.date1904 });
      if (!date || date.y > 9999) return n;
      const pad = (k: number, w: number): string => String(k).padStart(w, '0');
      return `${pad(date.y, 4)}-${pad(date.m, 2)}-${pad(date.d, 2)}`;
    }
    return n;
  }

  /**
   * The values and formats, trimmed to the last value and dense, and the error cells (only when
   * there are any). The builder is empty afterwards: its rows become the snapshot's.
   */
  build(): Pick<SheetSnapshot, 'values' | 'formats' | 'errors'> {
    let lastRow = -1;
    let lastCol = -1;
    for (let r = 0; r < this.values.length; r++) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] != null) {
          lastRow = r;
          if (c > lastCol) lastCol = c;
          break;
        }
      }
    }
    this.account?.budget.grid(this.account.sheet, lastRow + 1, lastCol + 1);
    // In place: the stored rows become the snapshot's, the formats replace SheetJS's `z`s.
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = 0; r <= lastRow; r++) {
      const row = this.values[r] ?? [];
      const zs = this.formats[r] ?? [];
      for (let c = 0; c <= lastCol; c++) {
        const value = row[c] ?? null;
        const z = zs[c];
        row[c] = value;
        zs[c] = value === null ? null : typeof z === 'string' && z !== '' ? z : 'General';
      }
      if (row.length !== lastCol + 1) row.length = lastCol + 1;
      if (zs.length !== lastCol + 1) zs.length = lastCol + 1;
      values.push(row);
      formats.push(zs as (string | null)[]);
    }
    this.values.length = 0;
    this.formats.length = 0;
    if (this.errors.size === 0) return { values, formats };
    const errors: CellError[] = [...this.errors.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, text]) => ({
        row: Math.floor(key / MAX_COLS) + 1,
        col: (key % MAX_COLS) + 1,
        text,
      }));
    this.errors.clear();
    return { values, formats, errors };
  }
}

const DATE_FORMATS = new Map<string, boolean>();

/**
 * Is `z` (SheetJS's `z`) a date format, in which `number` gives a day as ISO text? `General` and
 * what is no format string are not. Example: `isDateFormatCode('yyyy-mm-dd')` → true.
 */
export function isDateFormatCode(z: unknown): boolean {
  return typeof z === 'string' && z !== 'General' && isDateFormat(z);
}

/** `SSF.is_date`, asked once per format string (it runs several regular expressions). */
function isDateFormat(format: string): boolean {
  let known = DATE_FORMATS.get(format);
  if (known === undefined) {
    known = SSF.is_date(format);
    DATE_FORMATS.set(format, known);
  }
  return known;
}

/**
 * One sheet's cells made into the engine's `SheetSnapshot`, the same way for both xlsx readers
 * (SheetJS's cells in `readWorkbook.ts`, the streamed XML in `sheetCells.ts`): each cell's value
 * (a date-formatted number as ISO text, `''` as no value, an error cell as no value but noted in
 * `errors`) and number format stored by position, then each row trimmed to its own last value
 * and the sheet to its last row holding one. Sparse, as `SheetSnapshot` says: an empty row is the
 * shared `EMPTY_ROW`, a row is never padded to another's width, and a far cell (`XFD7`) leaves
 * holes rather than nulls; so `A1` and `XFD1048576` cost two cells and a million row references,
 * and a cell past Excel's own sheet is refused (`ReadBudget.beyondExcel`).
 */
import * as XLSX from '@e965/xlsx';
import type { CellError, CellValue, SheetSnapshot } from '../../domain/grid';
import { forEachEntry, SPARSE_ROW_LENGTH } from '../../domain/grid';
import { EXCEL_COLUMNS, EXCEL_ROWS, type ReadBudget } from './readBudget';

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
const WIDTH_AHEAD = SPARSE_ROW_LENGTH;

/** Excel's number of columns (XFD): a cell's key is `row × MAX_COLS + col`. */
const MAX_COLS = EXCEL_COLUMNS;

/** The one row every empty row of every snapshot is (nothing is ever written to it). */
export const EMPTY_ROW: readonly never[] = Object.freeze([]);

/** A sheet's cells by 0-based row and column, each with SheetJS's format `z` beside it. */
export class SnapshotBuilder {
  private readonly values: (CellValue[] | undefined)[] = [];
  private readonly formats: (unknown[] | undefined)[] = [];
  /** The widest row so far (up to `WIDTH_AHEAD`): new rows are made this wide. */
  private width = 0;
  /** How many rows are stored (the rows array may be mostly holes, after a far row). */
  private storedRows = 0;
  /** Error cells by `row × 16 384 + col` (a cell stored again later is no error any more). */
  private readonly errors = new Map<number, string>();

  /** `account`: the reading's budget, charged per cell, and the sheet its messages name. */
  constructor(
    private readonly date1904: boolean,
    private readonly account?: { readonly budget: ReadBudget; readonly sheet: string },
  ) {}

  /**
   * Stores a cell, replacing what was there. Example: `builder.set(0, 1, 0.92, '0%')`.
   * Cells at negative positions are dropped (SheetJS files them where no reader looks); a cell
   * past Excel's own sheet (`A50000000`, `XFE1`) is the budget's `beyondExcel`, `too-large`.
   */
  set(row: number, col: number, value: CellValue, z: unknown): void {
    if (row < 0 || col < 0) return;
    const account = this.account;
    if (account) {
      // Excel's own limits, so no stored row or key reaches past them (`!(… < …)`: NaN too).
      if (!(row < EXCEL_ROWS && col < EXCEL_COLUMNS)) {
        throw account.budget.beyondExcel(account.sheet, row, col);
      }
      account.budget.cell();
    }
    let values = this.values[row];
    let formats = this.formats[row];
    if (!values || !formats) {
      // As wide as the widest row so far (a row grown cell by cell would hold room for 17), and
      // filled, so that every row is an array of the same kind whatever its first value; a row
      // begun by a far cell holds that cell alone.
      const width = col < WIDTH_AHEAD ? this.width : 0;
      values = new Array<CellValue>(width).fill(null);
      formats = new Array<unknown>(width).fill(null);
      this.values[row] = values;
      this.formats[row] = formats;
      this.storedRows++;
    }
    // A far cell widens nothing: its row is a sparse array, and the others stay narrow.
    if (col >= this.width && col < WIDTH_AHEAD) this.width = col + 1;
    values[col] = value;
    formats[col] = z;
    if (this.errors.size > 0) this.errors.delete(row * MAX_COLS + col);
  }

  /** An error cell (`#DIV/0!`): no value, and noted in the snapshot's `errors`. */
  error(row: number, col: number, text: string, z: unknown): void {
    if (row < 0 || col < 0 || (col >= MAX_COLS && !this.account)) return;
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
   * The values and formats, each row trimmed to its own last value, empty rows the shared
   * `EMPTY_ROW`, rows past the last value left out; and the error cells (only when there are
   * any). The builder is empty afterwards: its rows become the snapshot's.
   */
  build(): Pick<SheetSnapshot, 'values' | 'formats' | 'errors'> {
    const rows = this.values.length;
    const values = new Array<readonly CellValue[]>(rows).fill(EMPTY_ROW);
    const formats = new Array<readonly (string | null)[]>(rows).fill(EMPTY_ROW);
    let kept = 0;
    const finish = (row: CellValue[] | undefined, r: number): void => {
      const zs = this.formats[r];
      if (!row || !zs || finishRow(row, zs) === 0) return;
      values[r] = row;
      formats[r] = zs as (string | null)[];
      kept = r + 1;
    };
    // Far rows leave the rows between them unstored: then only the stored ones are visited.
    if (this.storedRows * 4 < rows) forEachEntry(this.values, finish);
    else for (let r = 0; r < rows; r++) finish(this.values[r], r);
    values.length = kept;
    formats.length = kept;
    this.values.length = 0;
    this.formats.length = 0;
    this.storedRows = 0;
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

/**
 * Makes one stored row the snapshot's, in place: a missing value null (in a short row; a long
 * row keeps its holes), each value's format SheetJS's `z` or `General` (none for no value), both
 * cut after the last value. Returns the new length (0: the row holds no value).
 */
function finishRow(row: CellValue[], zs: unknown[]): number {
  let length = 0;
  if (row.length <= SPARSE_ROW_LENGTH) {
    for (let c = 0; c < row.length; c++) {
      const value = row[c] ?? null;
      row[c] = value;
      zs[c] = formatOf(value, zs[c]);
      if (value !== null) length = c + 1;
    }
  } else {
    forEachEntry(row, (value, c) => {
      zs[c] = formatOf(value, zs[c]);
      if (value !== null) length = c + 1;
    });
  }
  if (row.length !== length) row.length = length;
  if (zs.length !== length) zs.length = length;
  return length;
}

/** The snapshot's format of a cell: none for no value, else `z` or `General`. */
function formatOf(value: CellValue, z: unknown): string | null {
  return value === null ? null : typeof z === 'string' && z !== '' ? z : 'General';
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

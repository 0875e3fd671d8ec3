/**
 * Reads .xlsx bytes into the engine's plain grid (`WorkbookSnapshot`) with SheetJS
 * (`@e965/xlsx`). Pure JavaScript: no `node:*`, so it also runs in the browser bundle.
 * The file-system entry point is `readWorkbookFile.ts`.
 */
import * as XLSX from '@e965/xlsx';
import type { CellObject, WorkSheet } from '@e965/xlsx';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../domain/grid';
import { UnreadableWorkbookError } from '../../errors';
import { detectFileKind } from './detectFileKind';
import { ReadBudget } from './readBudget';
import { reportSheetNames } from './reportSheetMarks';
import { errorText, SnapshotBuilder, textValue } from './snapshotBuilder';

/** Options of both xlsx readers. */
export interface ReadWorkbookOptions {
  /**
   * Told the name of each sheet the workbook lists but whose cells cannot be read (a damaged or
   * missing part); the snapshot holds it as an empty sheet. Without it such a sheet is only empty.
   */
  readonly onUnreadableSheet?: (sheet: string) => void;
  /**
   * Charged for every cell stored, and the keeper of Excel's limits on a cell's place; without
   * one, `readWorkbook` keeps a budget of its own for the file.
   */
  readonly budget?: ReadBudget;
}

// SheetJS ships this helper untyped; the slice we use, typed.
interface CfbApi {
  read(data: Uint8Array, opts: { type: 'array' | 'buffer' }): unknown;
  find(container: unknown, path: string): unknown;
}
const CFB = XLSX.CFB as CfbApi;

/**
 * How both readers have SheetJS read: dense rows, number formats, no display text, no styles.
 * Example: `XLSX.read(bytes, { type: 'array', ...SHEETJS_OPTIONS })`.
 */
export const SHEETJS_OPTIONS = {
  dense: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellDates: false,
  cellStyles: false,
  bookVBA: false,
} as const satisfies XLSX.ParsingOptions;

/**
 * Reads a workbook from its bytes.
 *
 * Values: numbers as numbers (a `0%` cell holding 0.92 stays 0.92, its format `0%` beside it),
 * text as strings (rich text flattened), booleans, dates (a serial of 1 or more in a date format)
 * as ISO `YYYY-MM-DD`, formula cells as their cached result, empty cells as `null`, error cells
 * (`#DIV/0!`) as `null` and listed in the sheet's `errors`. Each sheet's grid starts
 * at A1 and is trimmed to the last row and column that hold a value, so a million formatted but
 * empty rows cost nothing. Merged areas come as A1 ranges. Hidden sheets are included. A sheet
 * SheetJS cannot parse (it drops it without a word) is an empty sheet, named to
 * `options.onUnreadableSheet`.
 *
 * @example readWorkbook(bytes, 'plan.xlsx').sheets[0].values[3][1] // → -10882
 * @throws UnreadableWorkbookError `empty-file`, `not-a-workbook` (text, PDF, a zip that is no
 *   workbook), `old-xls`, `encrypted` (password-protected), `corrupt` (a damaged zip).
 */
export function readWorkbook(
  bytes: Uint8Array,
  name: string,
  options: ReadWorkbookOptions = {},
): WorkbookSnapshot {
  switch (detectFileKind(bytes)) {
    case 'empty':
      throw new UnreadableWorkbookError(name, 'empty-file');
    case 'other':
      // Never hand these to SheetJS: it would happily read a text file as CSV.
      throw new UnreadableWorkbookError(name, 'not-a-workbook');
    case 'cfb':
      throw new UnreadableWorkbookError(name, isEncryptedPackage(bytes) ? 'encrypted' : 'old-xls');
    case 'zip':
      break;
  }
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', ...SHEETJS_OPTIONS });
  } catch (error) {
    throw libraryError(name, error);
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const budget = options.budget ?? new ReadBudget(name, bytes.length);
  return {
    name,
    // Our own report sheets are never analysed again (reportSheetMarks.ts).
    sheets: withoutReportSheets(book).map((sheetName) => {
      const sheet = book.Sheets[sheetName];
      // SheetJS drops a sheet it fails to parse (or finds no part for) without a word.
      if (!sheet) options.onUnreadableSheet?.(sheetName);
      return readSheet(sheetName, sheet, date1904, budget);
    }),
  };
}

/** Does a CFB container hold an encrypted OOXML package (`EncryptionInfo` / `EncryptedPackage`)? */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  try {
    const container = CFB.read(bytes, { type: 'array' });
    return Boolean(
      CFB.find(container, 'EncryptionInfo') ?? CFB.find(container, 'EncryptedPackage'),
    );
  } catch {
    return false; // a damaged CFB: call it what its signature says, an old .xls
  }
}

/**
 * What a SheetJS failure on the whole file says about it: `encrypted`, `not-a-workbook` (a zip
 * without a workbook) or `corrupt`. Example: libraryError('a.xlsx', new Error('Cannot find file')).
 */
export function libraryError(name: string, error: unknown): UnreadableWorkbookError {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return new UnreadableWorkbookError(name, 'encrypted');
  if (/unsupported zip|cannot find|could not find|not a workbook/i.test(message)) {
    return new UnreadableWorkbookError(name, 'not-a-workbook');
  }
  return new UnreadableWorkbookError(name, 'corrupt', message);
}

/**
 * One sheet's cells from SheetJS's dense rows, in time proportional to its cells: SheetJS's rows
 * are JavaScript arrays that a far cell (`XFD1048576`, `A50000000`) leaves sparse, so rows and
 * cells are walked by their own entries (`eachOwn`), never counted to from 0.
 */
function readSheet(
  name: string,
  sheet: WorkSheet | undefined,
  date1904: boolean,
  budget: ReadBudget,
): SheetSnapshot {
  const rows: (CellObject[] | undefined)[] = sheet?.['!data'] ?? [];
  const builder = new SnapshotBuilder(date1904, { budget, sheet: name });
  eachOwn(rows, (row, r) =>
    eachOwn(row, (cell, c) => {
      if (cell.t === 'e') builder.error(r, c, errorText(cell.v), cell.z);
      else builder.set(r, c, cellValue(cell, builder), cell.z);
    }),
  );
  const merges = (sheet?.['!merges'] ?? []).map((range) => XLSX.utils.encode_range(range));
  return { name, origin: { row: 1, col: 1 }, ...builder.build(), merges };
}

/**
 * Every entry of one of SheetJS's arrays with its position, holes skipped, ascending; and also
 * one filed past the array indexes (SheetJS files row 10^20 of `A100000000000000000000` as a
 * property `!data['100000000000000000000']`), so the builder refuses it as past Excel's sheet
 * rather than losing it.
 */
function eachOwn<T>(items: readonly (T | undefined)[], visit: (item: T, at: number) => void): void {
  const byKey = items as unknown as Readonly<Record<string, T | undefined>>;
  for (const key of Object.keys(items)) {
    const item = byKey[key];
    if (item != null) visit(item, Number(key));
  }
}

/** A SheetJS cell as the engine's plain value (error cells are the builder's `error`). */
function cellValue(cell: CellObject, builder: SnapshotBuilder): CellValue {
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? builder.number(cell.v, cell.z) : null;
    case 's': {
      const v = cell.v;
      return typeof v === 'string' ? textValue(v) : v == null ? null : String(v);
    }
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
    case 'z': // stub
    default:
      return null;
  }
}

/** The book's sheet names but those that carry Nämndplan's report marker. */
function withoutReportSheets(book: XLSX.WorkBook): string[] {
  const ours = reportSheetNames(book);
  return ours.size === 0 ? book.SheetNames : book.SheetNames.filter((n) => !ours.has(n));
}

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

// SheetJS ships these two helpers untyped; the slices we use, typed.
interface Ssf {
  is_date(format: string): boolean;
  parse_date_code(
    serial: number,
    opts?: { date1904?: boolean },
  ): { y: number; m: number; d: number };
}
interface CfbApi {
  read(data: Uint8Array, opts: { type: 'array' | 'buffer' }): unknown;
  find(container: unknown, path: string): unknown;
}
const SSF = XLSX.SSF as Ssf;
const CFB = XLSX.CFB as CfbApi;

/**
 * Reads a workbook from its bytes.
 *
 * Values: numbers as numbers (a `0%` cell holding 0.92 stays 0.92, its format `0%` beside it),
 * text as strings (rich text flattened), booleans, dates as ISO `YYYY-MM-DD`, formula cells as
 * their cached result, error cells (`#DIV/0!`) and empty cells as `null`. Each sheet's grid starts
 * at A1 and is trimmed to the last row and column that hold a value, so a million formatted but
 * empty rows cost nothing. Merged areas come as A1 ranges. Hidden sheets are included.
 *
 * @example readWorkbook(bytes, 'plan.xlsx').sheets[0].values[3][1] // → -10882
 * @throws UnreadableWorkbookError `empty-file`, `not-a-workbook` (text, PDF, a zip that is no
 *   workbook), `old-xls`, `encrypted` (password-protected), `corrupt` (a damaged zip).
 */
export function readWorkbook(bytes: Uint8Array, name: string): WorkbookSnapshot {
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
    book = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellDates: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch (error) {
    throw libraryError(name, error);
  }
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  return {
    name,
    sheets: book.SheetNames.map((sheetName) =>
      readSheet(sheetName, book.Sheets[sheetName], date1904),
    ),
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

function libraryError(name: string, error: unknown): UnreadableWorkbookError {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return new UnreadableWorkbookError(name, 'encrypted');
  if (/unsupported zip|cannot find|not a workbook/i.test(message)) {
    return new UnreadableWorkbookError(name, 'not-a-workbook');
  }
  return new UnreadableWorkbookError(name, 'corrupt', message);
}

function readSheet(name: string, sheet: WorkSheet | undefined, date1904: boolean): SheetSnapshot {
  const rows: (CellObject[] | undefined)[] = sheet?.['!data'] ?? [];
  // Trim to the last row and column holding a value.
  let lastRow = -1;
  let lastCol = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      if (cellValue(row[c], date1904) !== null) {
        lastRow = r;
        if (c > lastCol) lastCol = c;
        break;
      }
    }
  }
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const row = rows[r];
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    for (let c = 0; c <= lastCol; c++) {
      const cell = row?.[c];
      const value = cellValue(cell, date1904);
      vRow.push(value);
      fRow.push(value === null ? null : formatOf(cell));
    }
    values.push(vRow);
    formats.push(fRow);
  }
  const merges = (sheet?.['!merges'] ?? []).map((range) => XLSX.utils.encode_range(range));
  return { name, origin: { row: 1, col: 1 }, values, formats, merges };
}

function formatOf(cell: CellObject | undefined): string {
  const z = cell?.z;
  return typeof z === 'string' && z !== '' ? z : 'General';
}

const DATE_FORMATS = new Map<string, boolean>();

/** `SSF.is_date`, asked once per format string (it runs several regular expressions). */
function isDateFormat(format: string): boolean {
  let known = DATE_FORMATS.get(format);
  if (known === undefined) {
    known = SSF.is_date(format);
    DATE_FORMATS.set(format, known);
  }
  return known;
}

/** A SheetJS cell as the engine's plain value. */
function cellValue(cell: CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const v = cell.v;
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      const z = cell.z;
      if (typeof z === 'string' && z !== 'General' && isDateFormat(z))
        return serialToIso(v, date1904);
      return v;
    }
    case 's': {
      const v = cell.v;
      return typeof v === 'string' ? (v === '' ? null : v) : v == null ? null : String(v);
    }
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
    case 'e': // #DIV/0!, #REF!, ...: no value
    case 'z': // stub
    default:
      return null;
  }
}

/** An Excel date serial as `YYYY-MM-DD` (the 1900 system, or 1904 when the workbook says so). */
function serialToIso(serial: number, date1904: boolean): string {
  const { y, m, d } = SSF.parse_date_code(serial, { date1904 });
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

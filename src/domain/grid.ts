/**
 * The engine's view of a workbook: plain values and their number formats, nothing else.
 * Every adapter (xlsx files, Office.js) turns its own quirks into this shape, so the engine
 * never knows where a grid came from.
 */

/** A cell's value as the engine sees it. Dates arrive as ISO strings (`2023-08-31`). */
export type CellValue = string | number | boolean | null;

/**
 * One sheet, its rows from `origin` (1-based row and column of `values[0][0]`) down to the last
 * row holding a value.
 *
 * Sparse, so that a sheet costs what its cells cost and never its rectangle (issue 12): a row is
 * as long as its own last cell, not the sheet's widest (rows are ragged; a missing cell is
 * empty); an empty row may be one shared empty array; and a row holding a far cell (`XFD7`) may
 * be a sparse array, its holes empty cells. A sheet of values only in A1 and XFD1048576 is
 * 1 048 576 row references (one shared empty row among them) and two cells. Walk a row's cells
 * with `forEachEntry` (or index by index when it is at most `SPARSE_ROW_LENGTH` long), never
 * from 0 to a long row's length.
 */
export interface SheetSnapshot {
  readonly name: string;
  /** 1-based row and column of the first cell in `values`. Usually `{ row: 1, col: 1 }`. */
  readonly origin: { readonly row: number; readonly col: number };
  /** Rows of cell values; ragged and possibly sparse (see above); missing cells are empty. */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats beside the values (`0%`, `# ##0`, `General`); same shape, or shorter. */
  readonly formats: readonly (readonly (string | null)[])[];
  /** Merged areas as A1 ranges (`B3:C3`), in sheet coordinates. */
  readonly merges: readonly string[];
  /**
   * Cells showing an error (`#DIV/0!`, `#REF!`), in sheet coordinates; their value is null. Optional:
   * a reader that cannot see errors leaves it out.
   */
  readonly errors?: readonly CellError[];
}

/** A cell whose formula gives an error. Example: `{ row: 12, col: 4, text: '#DIV/0!' }`. */
export interface CellError {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** A whole workbook: its file name and sheets in order. */
export interface WorkbookSnapshot {
  readonly name: string;
  readonly sheets: readonly SheetSnapshot[];
}

/** Rows at most this long are walked index by index; longer ones by their entries alone. */
export const SPARSE_ROW_LENGTH = 256;

/**
 * Calls `visit` with each entry of `row` (a value, or a null standing for an empty cell) and its
 * 0-based index, in ascending order, in time proportional to the entries, not the row's length:
 * a row holding only `XFD7` is one call, `visit(value, 16383)`. Holes are skipped.
 *
 * @example forEachEntry(row, (v, i) => { if (v !== null) filled.push(i); })
 */
export function forEachEntry<T>(
  row: readonly (T | undefined)[],
  visit: (value: T, index: number) => void,
): void {
  if (row.length <= SPARSE_ROW_LENGTH) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v !== undefined) visit(v, i);
    }
    return;
  }
  // Array index keys come in ascending order; a sparse array lists only what it holds.
  for (const key of Object.keys(row)) {
    const i = Number(key);
    const v = row[i];
    if (v !== undefined) visit(v, i);
  }
}

/** Converts a 0-based column index to letters: 0 → `A`, 27 → `AB`. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address from 1-based row and column: `(10, 4)` → `D10`. */
export function address(row: number, col: number): string {
  return `${columnLetters(col - 1)}${row}`;
}

/** Parses an A1 address into 1-based row and column: `D10` → `{ row: 10, col: 4 }`. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new RangeError(`Not an A1 address: ${a1}`);
  const letters = (m[1] ?? '').toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Parses an A1 range (`B3:C4`, or a single cell) into 1-based corners. */
export function parseRange(a1: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const [a, b] = a1.split(':');
  const start = parseAddress(a ?? '');
  const end = b === undefined ? start : parseAddress(b);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

import type { CellError, CellValue, SheetSnapshot } from './grid';
import { forEachEntry, SPARSE_ROW_LENGTH } from './grid';
import { MergedAreas } from './mergedAreas';
import {
  cellText,
  isNoValue,
  isPercentFormatCached,
  readNumber,
  startsWithLetter,
  type ParsedNumber,
} from './values';

const NONE: readonly number[] = [];

/**
 * Random access to a sheet in sheet coordinates (1-based rows and columns), with merged areas
 * resolved: a merged cell's value is seen in its top-left cell only, but `mergedText` finds it
 * from any cell of the area.
 */
export class SheetGrid {
  readonly name: string;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  private readonly merged: MergedAreas;
  /** Filled columns by row offset, computed once. */
  private readonly filled: (readonly number[] | undefined)[] = [];
  /** One filled-columns array per pattern of filled cells (by bit mask, rows up to 30 wide). */
  private readonly patterns = new Map<number, readonly number[]>();
  /** Text cells read as numbers, by `row offset × width + column offset`. */
  private readonly texts = new Map<number, ParsedNumber | null>();
  private readonly width: number;
  /** Offsets of the rows holding any entry, ascending; made when first asked for. */
  private storedRows: readonly number[] | undefined;

  constructor(private readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.firstRow = sheet.origin.row;
    this.firstCol = sheet.origin.col;
    let width = 0;
    for (const r of sheet.values) width = Math.max(width, r.length);
    this.lastRow = this.firstRow + sheet.values.length - 1;
    this.lastCol = this.firstCol + width - 1;
    this.width = width;
    this.merged = new MergedAreas(sheet.merges);
  }

  /** Cells showing an error (`#DIV/0!`), in sheet coordinates. */
  get errors(): readonly CellError[] {
    return this.sheet.errors ?? [];
  }

  /** The raw value at a sheet cell, null outside the grid. */
  value(row: number, col: number): CellValue {
    const r = this.sheet.values[row - this.firstRow];
    if (!r) return null;
    const v = r[col - this.firstCol];
    return v === undefined ? null : v;
  }

  /** The number format at a sheet cell. */
  format(row: number, col: number): string | null {
    const r = this.sheet.formats[row - this.firstRow];
    if (!r) return null;
    return r[col - this.firstCol] ?? null;
  }

  /**
   * The cell read as a number (percent formats → percent units). A number cell is read afresh on
   * every call (cheap, and nothing lives on for the garbage collector to copy); a text cell is
   * parsed once and remembered.
   */
  number(row: number, col: number): ParsedNumber | null {
    const ri = row - this.firstRow;
    const ci = col - this.firstCol;
    if (ri < 0 || ci < 0) return null;
    const v = this.value(row, col);
    if (typeof v !== 'string')
      return readNumber(v, typeof v === 'number' ? this.format(row, col) : null);
    if (startsWithLetter(v)) return null; // a label: no number, nothing worth remembering
    const key = ri * this.width + ci;
    const hit = this.texts.get(key);
    if (hit !== undefined) return hit;
    const parsed = readNumber(v, this.format(row, col));
    this.texts.set(key, parsed);
    return parsed;
  }

  /**
   * What `number()` would say, without making the figure: 0 no number, 1 a number, 2 a number in
   * percent units (a `0%` cell, `82 %`). Example: a cell 0,92 formatted `0%` → 2.
   */
  numberKind(row: number, col: number): 0 | 1 | 2 {
    const v = this.value(row, col);
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 0;
      return isPercentFormatCached(this.format(row, col)) ? 2 : 1;
    }
    if (typeof v !== 'string') return 0;
    const n = this.number(row, col);
    return n === null ? 0 : n.percent ? 2 : 1;
  }

  /** The cell as trimmed text ('' when empty). */
  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  /** Text of the merged area a cell belongs to (its own text when not merged). */
  mergedText(row: number, col: number): string {
    const own = this.text(row, col);
    if (own !== '') return own;
    const owner = this.merged.owner(row, col);
    return owner ? this.text(owner.row, owner.col) : '';
  }

  /** True when the cell belongs to a merged area but is not its top-left cell. */
  isMergedTail(row: number, col: number): boolean {
    return this.merged.owner(row, col) !== null;
  }

  /** True when a cell holds nothing at all (a `-` still counts as something written). */
  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }

  /**
   * The first row at or after `row` that holds something, or `lastRow + 1` when none does: a
   * stretch of empty rows is stepped over at once, so tables are found from the filled rows and
   * a sheet of A1 and XFD1048576 costs two rows, not a million. Example: `nextFilledRow(2)` → 9
   * on a sheet with values in rows 1 and 9 only.
   */
  nextFilledRow(row: number): number {
    const stored = (this.storedRows ??= this.findStoredRows());
    // The first stored row offset at or after `row`'s, by halves.
    let lo = 0;
    let hi = stored.length;
    const at = row - this.firstRow;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((stored[mid] ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    // A stored row may hold only blanks (`' '`): those are empty rows too.
    for (; lo < stored.length; lo++) {
      const r = this.firstRow + (stored[lo] ?? 0);
      if (this.filledColumns(r).length > 0) return r;
    }
    return this.lastRow + 1;
  }

  private findStoredRows(): readonly number[] {
    const out: number[] = [];
    this.sheet.values.forEach((r, i) => {
      if (r.length > 0) out.push(i);
    });
    return out;
  }

  /** Columns of a row that hold something, in order. */
  filledColumns(row: number): readonly number[] {
    const cached = this.filled[row - this.firstRow];
    if (cached) return cached;
    const out = this.scanFilled(row);
    if (row >= this.firstRow) this.filled[row - this.firstRow] = out;
    return out;
  }

  private scanFilled(row: number): readonly number[] {
    const r = this.sheet.values[row - this.firstRow];
    if (!r || r.length === 0) return NONE;
    if (r.length > SPARSE_ROW_LENGTH) return filledEntries(r, this.firstCol);
    // Rows of a large table mostly share a few patterns: keep one array per pattern, not per row.
    const byMask = r.length <= 30;
    let mask = 0;
    const out: number[] = [];
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string' && v.trim() === '') continue;
      out.push(this.firstCol + i);
      mask |= 1 << i;
    }
    if (!byMask) return out;
    const shared = this.patterns.get(mask);
    if (shared) return shared;
    this.patterns.set(mask, out);
    return out;
  }

  /** True when a cell is a "no value" marker or empty. */
  isNoValue(row: number, col: number): boolean {
    return isNoValue(this.value(row, col));
  }
}

/** The filled columns of a long (maybe sparse) row, from its entries alone: a far cell is one. */
function filledEntries(r: readonly CellValue[], firstCol: number): readonly number[] {
  const out: number[] = [];
  forEachEntry(r, (v, i) => {
    if (v === null || (typeof v === 'string' && v.trim() === '')) return;
    out.push(firstCol + i);
  });
  return out;
}

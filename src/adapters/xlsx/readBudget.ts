/**
 * What reading one workbook may cost, so that a zip bomb (a small file that inflates to
 * gigabytes, a header that lies about a part's size, a bloated shared-strings part) is answered at
 * once with `too-large`, in bounded memory, instead of running out of it. The numbers are the
 * CLI's promise (README, "The command line"):
 *
 * - the file itself: at most `MAX_FILE_BYTES` (it is held in memory);
 * - all the parts a reader inflates, together: at most `INFLATE_RATIO` × the file's size (but
 *   `INFLATE_FLOOR` for any file), and never more than `MAX_INFLATED_BYTES`. A committee
 *   workbook inflates 3–15 ×; a million formatted empty rows about 13 ×;
 * - one part held whole (everything but a streamed worksheet): at most `MAX_WHOLE_PART_BYTES`;
 * - cells holding a value, over all sheets: at most `MAX_CELLS`; rows in a sheet part: at most
 *   Excel's own `EXCEL_ROWS`;
 * - a cell's place: within Excel's own sheet, `EXCEL_ROWS` rows × `EXCEL_COLUMNS` columns (A1 to
 *   XFD1048576). Within it, a sheet costs what its cells cost, not its rectangle (the snapshot's
 *   rows are sparse, `grid.ts`): `A1` and `XFD1048576` alone are two cells.
 *
 * Every inflate is also capped at the size its part declares, and the declared sizes are charged
 * to the budget before anything is inflated, so a lie costs at most what it declares.
 */
import { columnLetters } from '../../domain/grid';
import { UnreadableWorkbookError } from '../../errors';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

export const MAX_FILE_BYTES = 512 * MiB;
export const INFLATE_RATIO = 100;
export const INFLATE_FLOOR = 16 * MiB;
export const MAX_INFLATED_BYTES = 1 * GiB;
export const MAX_WHOLE_PART_BYTES = 256 * MiB;
export const MAX_CELLS = 5_000_000;
/** Excel's own number of rows: a sheet part with more `<row>` elements is no Excel sheet. */
export const EXCEL_ROWS = 1_048_576;
/** Excel's own number of columns (A to XFD). */
export const EXCEL_COLUMNS = 16_384;

/**
 * The inflated bytes a file of `fileSize` bytes may hold in all.
 *
 * @example inflateLimit(10 * 2 ** 20) // → 1 000 × 2^20 (100 × 10 MiB)
 */
export function inflateLimit(fileSize: number): number {
  return Math.min(MAX_INFLATED_BYTES, Math.max(INFLATE_FLOOR, INFLATE_RATIO * fileSize));
}

/** `1,5 GiB`, `300 MiB`, `12 kB`: a size for a Swedish message. */
export function formatBytes(bytes: number): string {
  const [unit, size] =
    bytes >= GiB
      ? ['GiB', bytes / GiB]
      : bytes >= MiB
        ? ['MiB', bytes / MiB]
        : ['kB', bytes / 1024];
  const text = size >= 10 ? String(Math.round(size)) : (Math.round(size * 10) / 10).toFixed(1);
  return `${text.replace('.', ',').replace(/,0$/, '')} ${unit}`;
}

/** `10 000 000`: digits grouped by three with a space, as Swedish text writes them. */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** A1 name of a 0-based cell: `(49_999_999, 0)` → `A50000000`. */
function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * One reading's account: inflated bytes and value cells, charged as they are planned or stored.
 * Throws `UnreadableWorkbookError` `too-large` the moment either would pass its limit.
 *
 * @example const budget = new ReadBudget('plan.xlsx', bytes.length); budget.inflate(size, part);
 */
export class ReadBudget {
  readonly inflateLimit: number;
  private inflated = 0;
  private cellCount = 0;

  constructor(
    readonly fileName: string,
    readonly fileSize: number,
  ) {
    this.inflateLimit = inflateLimit(fileSize);
  }

  /** Charges `bytes` of inflated `part` (its declared size, before inflating it). */
  inflate(bytes: number, part: string): void {
    this.inflated += bytes;
    if (this.inflated > this.inflateLimit) {
      throw this.tooLarge(
        `${part} packas upp till ${formatBytes(this.inflated)}; ` +
          `gränsen för en fil på ${formatBytes(this.fileSize)} är ${formatBytes(this.inflateLimit)}`,
      );
    }
  }

  /** Checks that one part held whole stays within `MAX_WHOLE_PART_BYTES`. */
  wholePart(bytes: number, part: string): void {
    if (bytes > MAX_WHOLE_PART_BYTES) {
      throw this.tooLarge(
        `${part} packas upp till ${formatBytes(bytes)}; gränsen är ${formatBytes(MAX_WHOLE_PART_BYTES)}`,
      );
    }
  }

  /** A part whose data ran past the `declared` size its headers give: a bomb's lie. */
  overrun(part: string, declared: number): UnreadableWorkbookError {
    return this.tooLarge(`${part} packas upp till mer än de ${formatBytes(declared)} den anger`);
  }

  /** Charges one more cell holding a value. */
  cell(): void {
    if (++this.cellCount > MAX_CELLS) {
      throw this.tooLarge(`fler än ${groupDigits(MAX_CELLS)} ifyllda celler`);
    }
  }

  /** How many cells holding a value have been charged so far: a mark for `rewindCells`. */
  get cellsCharged(): number {
    return this.cellCount;
  }

  /**
   * Forgets the cells charged since `mark` (from `cellsCharged`): a sheet read once more from its
   * start charges its cells again. Example: `budget.rewindCells(mark)`.
   */
  rewindCells(mark: number): void {
    this.cellCount = Math.min(this.cellCount, mark);
  }

  /** Checks the count of rows met so far in `sheet`'s part. */
  rows(sheet: string, count: number): void {
    if (count > EXCEL_ROWS) {
      throw this.tooLarge(`bladet ${sheet} har fler rader än Excels ${groupDigits(EXCEL_ROWS)}`);
    }
  }

  /**
   * A cell past Excel's own sheet (row `row`, column `col`, 0-based) in `sheet`: no Excel workbook
   * holds one, so the file is refused, in words naming the sheet, the cell and the limit.
   *
   * @example budget.beyondExcel('Drift', 49_999_999, 0) // too-large: … når cell A50000000, bortom Excels 1 048 576 rader
   */
  beyondExcel(sheet: string, row: number, col: number): UnreadableWorkbookError {
    const limit =
      row >= EXCEL_ROWS
        ? `Excels ${groupDigits(EXCEL_ROWS)} rader`
        : `Excels ${groupDigits(EXCEL_COLUMNS)} kolumner`;
    return this.tooLarge(`bladet ${sheet} når cell ${cellName(row, col)}, bortom ${limit}`);
  }

  private tooLarge(detail: string): UnreadableWorkbookError {
    return new UnreadableWorkbookError(this.fileName, 'too-large', detail);
  }
}

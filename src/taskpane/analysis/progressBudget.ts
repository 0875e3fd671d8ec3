/**
 * The xlsx reader's own budget (`ReadBudget`: every limit, every message), told in passing how far
 * the reading has come: the reader asks it about the rows of each sheet as it streams them, which
 * is where progress per sheet can be seen without touching the reader.
 */
import { ReadBudget } from '../../adapters/xlsx/readBudget';

/** How far reading is: the sheet being read (in order of reading) and its rows so far. */
export interface ReadProgress {
  sheet: string;
  /** 1-based. */
  sheetIndex: number;
  rows: number;
}

/** Rows between looks at the clock: a look costs little, but 100 000 of them add up. */
const ROWS_BETWEEN_LOOKS = 512;

/**
 * A `ReadBudget` that also reports progress, at most every `intervalMs` and at each new sheet.
 *
 * @example new ProgressBudget('plan.xlsx', bytes.length, (p) => post(p)) // then pass as `budget`
 */
export class ProgressBudget extends ReadBudget {
  private sheet: string | null = null;
  private sheetIndex = 0;
  private last = 0;

  constructor(
    fileName: string,
    fileSize: number,
    private readonly onProgress: (p: ReadProgress) => void,
    private readonly intervalMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {
    super(fileName, fileSize);
  }

  override rows(sheet: string, count: number): void {
    super.rows(sheet, count);
    if (sheet !== this.sheet) {
      this.sheet = sheet;
      this.sheetIndex += 1;
      this.report(sheet, count);
    } else if (count % ROWS_BETWEEN_LOOKS === 0 && this.now() - this.last >= this.intervalMs) {
      this.report(sheet, count);
    }
  }

  private report(sheet: string, rows: number): void {
    this.last = this.now();
    this.onProgress({ sheet, sheetIndex: this.sheetIndex, rows });
  }
}

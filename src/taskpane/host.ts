import type { WorkbookSnapshot } from '../domain/grid';
import type { Report } from '../domain/report';

/** Progress of a long read or write: a phase and, where known, how far (0-1). */
export interface Progress {
  phase: 'reading' | 'analysing' | 'writing';
  fraction?: number;
}

/** What happened when the report was written. */
export interface WriteOutcome {
  /** Sheets written (Excel) or the file name downloaded (standalone). */
  written: string[];
  /** Earlier report sheets replaced after the user agreed. */
  replaced: string[];
  /** True when the user declined to replace earlier report sheets: nothing was written. */
  cancelled: boolean;
}

/**
 * The one door from the task pane to a workbook. Components never call Excel themselves: the
 * Excel host (Office.js) and the file host (a .xlsx picked in a browser) both implement this.
 */
export interface WorkbookHost {
  readonly kind: 'excel' | 'file';
  /** Reads every sheet into the engine's grid. */
  readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot>;
  /**
   * Writes the standard tables. In Excel: report sheets of our own, never the user's; asks
   * `confirmReplace` before replacing sheets an earlier run wrote. In a browser: downloads a .xlsx.
   */
  writeReport(
    report: Report,
    confirmReplace: (sheetNames: string[]) => Promise<boolean>,
    onProgress?: (p: Progress) => void,
  ): Promise<WriteOutcome>;
  /** Selects a cell (Excel) or is a no-op that resolves false (standalone). */
  selectCell(sheet: string, cell: string): Promise<boolean>;
  /**
   * Settings kept in the workbook itself (Excel: `workbook.settings`), so they travel with the
   * file; absent where there is no live workbook (standalone). `read` gives null when none.
   */
  readonly workbookSettings?: {
    read(): Promise<unknown>;
    write(value: unknown): Promise<void>;
  };
}

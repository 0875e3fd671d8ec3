import type { WorkbookSnapshot } from '../domain/grid';
import type { AnalyzeOptions, Report } from '../domain/report';
import type { TemplateContent } from '../domain/templates';

/** Progress of a long read or write: a phase and, where known, how far (0-1). */
export interface Progress {
  phase: 'reading' | 'analysing' | 'writing';
  fraction?: number;
  /**
   * While reading a file: the sheet being read, its place in reading order (1-based) among
   * `count` sheets (null when unknown), and its rows read so far.
   */
  sheet?: { name: string; index: number; count: number | null; rows: number };
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
  /** Reads every sheet into the engine's grid (the pane then runs the engine, unless…). */
  readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot>;
  /**
   * Reads and analyses in one step, off the page's thread (the file host's worker). Where a host
   * has it, the pane uses it instead of `readWorkbook` and the engine.
   */
  analyseWorkbook?(options: AnalyzeOptions, onProgress?: (p: Progress) => void): Promise<Report>;
  /**
   * Stops the analysis or write under way; its promise rejects with AnalysisCancelledError
   * (`analysis/analyzer.ts`). Absent where work cannot be stopped (Excel).
   */
  cancel?(): void;
  /**
   * Writes the standard tables. In Excel: report sheets of our own, never the user's; asks
   * `confirmReplace` before replacing sheets an earlier run wrote. In a browser: downloads a .xlsx.
   */
  writeReport(
    report: Report,
    confirmReplace: (sheetNames: string[]) => Promise<boolean>,
    onProgress?: (p: Progress) => void,
  ): Promise<WriteOutcome>;
  /**
   * Adds the product's templates (`content`, from `prefillTemplate`). In Excel: template sheets
   * of our own in the open workbook, never the user's; asks `confirmReplace` before rewriting
   * earlier ones. In a browser: downloads `Nämndplan mallar.xlsx` (`TEMPLATE_FILE_NAME`).
   */
  writeTemplates?(
    content: TemplateContent,
    confirmReplace: (sheetNames: string[]) => Promise<boolean>,
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

/** The file standalone mode downloads the templates as. */
export const TEMPLATE_FILE_NAME = 'Nämndplan mallar.xlsx';

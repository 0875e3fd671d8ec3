/**
 * The seam between the pane and the work of reading and analysing a picked workbook. In the
 * browser it is a Web Worker (`workerAnalyzer.ts` over `analysis.worker.ts`), so the page never
 * parses a workbook and stays answering; in jest, which has no Worker, the same session runs
 * in-process (`inProcessAnalyzer.ts`). Both run `analysisSession.ts`.
 */
import type { WorkbookSnapshot } from '../../domain/grid';
import type { GoalSettings, Report } from '../../domain/report';
import type { ReportSheetOptions } from '../../domain/standardTables';
import type { Progress } from '../host';

/** One picked workbook to analyse. */
export interface AnalysisRequest {
  /** The file as picked or dropped: read by the analyser, never by the page. */
  file: Blob;
  name: string;
  /**
   * Changes when another file is picked. While it stays the same, the analyser may reuse what it
   * read (a new risk threshold re-runs only the engine): the bytes of a picked file are fixed.
   */
  fileId: number;
  riskThreshold: number;
  /** How goals are judged (the pane's goal settings); the engine's defaults when absent. */
  goals?: GoalSettings;
}

/** Reads, analyses and writes reports off the page's thread (or, in tests, in-process). */
export interface WorkbookAnalyzer {
  /**
   * Reads the file within the xlsx reader's budgets and runs the engine; sheets that cannot be
   * read are `unreadable-sheet` problems in the report.
   *
   * @throws UnreadableWorkbookError (its name and Swedish message kept across the worker) for a
   *   file that is no readable workbook or past a budget; AnalysisCancelledError after `cancel()`.
   */
  analyse(request: AnalysisRequest, onProgress: (p: Progress) => void): Promise<Report>;
  /** The file's grid alone, read as `analyse` reads it (`WorkbookHost.readWorkbook`). */
  read(request: AnalysisRequest, onProgress: (p: Progress) => void): Promise<WorkbookSnapshot>;
  /** The report workbook (.xlsx bytes) of `report`, its links pointing at `sourceFile`. */
  reportWorkbook(
    report: Report,
    options: ReportSheetOptions,
    sourceFile: string,
    onProgress: (p: Progress) => void,
  ): Promise<Uint8Array>;
  /**
   * Stops whatever is under way at once (the worker is terminated; a new one starts on the next
   * call); its promise rejects with AnalysisCancelledError. Without work under way, nothing.
   */
  cancel(): void;
}

/** The run was stopped by the user: not a failure, nothing to report. */
export class AnalysisCancelledError extends Error {
  override readonly name = 'AnalysisCancelledError';
  constructor() {
    super('Avbrutet.');
  }
}

/** True for the rejection of a cancelled run. */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'AnalysisCancelledError';
}

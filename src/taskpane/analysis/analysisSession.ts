/**
 * The work behind the standalone pane, wherever it runs (the analysis worker in a browser,
 * in-process in jest): read a picked file within the reader's budgets, run the engine, and write
 * the report workbook (the document tables first, then the audit listing: the CLI's `--out`).
 * Keeps the last file's snapshot, so a new risk threshold re-runs only the engine and the report
 * workbook's document tables are made from the file the report is of.
 */
import { analyzeWorkbook } from '../../domain/analyze';
import type { WorkbookSnapshot } from '../../domain/grid';
import type { Report } from '../../domain/report';
import type { ReportSheetOptions } from '../../domain/standardTables';
import { withUnreadableSheets } from '../../domain/unreadableSheets';
import type { Progress } from '../host';
import type { AnalysisRequest } from './analyzer';
import { readPickedFile, type PickedWorkbook } from './readPickedFile';

/** What the session needs from outside; tests replace any of them. */
export interface SessionDeps {
  read(file: Blob, name: string, onProgress: (p: Progress) => void): Promise<PickedWorkbook>;
  /** The report workbook of `report`; its document tables are made from `snapshot` (none without). */
  writeWorkbook(
    report: Report,
    options: ReportSheetOptions,
    sourceFile: string,
    snapshot: WorkbookSnapshot | null,
  ): Promise<Uint8Array>;
}

/** What the report workbook is made with (modules loaded on first use, in the browser). */
export interface ReportWriters {
  buildDocumentTables: typeof import('../../domain/output/documentTables').buildDocumentTables;
  reportWorkbookSheets: typeof import('../../domain/output/reportWorkbookSheets').reportWorkbookSheets;
  writeReportWorkbook: typeof import('../../adapters/xlsx/writeReportWorkbook').writeReportWorkbook;
}

/**
 * The report workbook of `report`, as the CLI's `--out` writes it (`runCli.ts`): the document
 * tables made from `snapshot` first (none without one), then the audit sheets.
 *
 * @example await sessionWorkbook(writers, report, { riskThreshold: 12 }, 'plan.xlsx', snapshot)
 *   // → the .xlsx bytes, sheets NP Driftredovisning, …, NP Avvikelser, …
 */
export async function sessionWorkbook(
  writers: ReportWriters,
  report: Report,
  options: ReportSheetOptions,
  sourceFile: string,
  snapshot: WorkbookSnapshot | null,
): Promise<Uint8Array> {
  const documents =
    snapshot === null
      ? []
      : writers.buildDocumentTables(snapshot, report, { riskThreshold: options.riskThreshold });
  const sheets = writers.reportWorkbookSheets(report, documents, options);
  return writers.writeReportWorkbook(sheets, { sourceFile });
}

/** The real reader, and the report writer loaded on first use (ExcelJS is a large chunk). */
export const defaultSessionDeps: SessionDeps = {
  read: readPickedFile,
  async writeWorkbook(report, options, sourceFile, snapshot) {
    const [{ reportWorkbookSheets }, { buildDocumentTables }, { writeReportWorkbook }] =
      await Promise.all([
        import(/* webpackChunkName: "report" */ '../../domain/output/reportWorkbookSheets'),
        import(/* webpackChunkName: "report" */ '../../domain/output/documentTables'),
        import(/* webpackChunkName: "xlsx-write" */ '../../adapters/xlsx/writeReportWorkbook'),
      ]);
    const writers = { reportWorkbookSheets, buildDocumentTables, writeReportWorkbook };
    return sessionWorkbook(writers, report, options, sourceFile, snapshot);
  },
};

export interface AnalysisSession {
  analyse(request: AnalysisRequest, onProgress: (p: Progress) => void): Promise<Report>;
  read(request: AnalysisRequest, onProgress: (p: Progress) => void): Promise<WorkbookSnapshot>;
  reportWorkbook(
    report: Report,
    options: ReportSheetOptions,
    sourceFile: string,
    onProgress: (p: Progress) => void,
  ): Promise<Uint8Array>;
}

/**
 * A session over `deps`.
 *
 * @example await createAnalysisSession().analyse({ file, name: 'plan.xlsx', fileId: 1,
 *   riskThreshold: 12 }, () => {}) // → the Report, as the CLI's --json gives it
 */
export function createAnalysisSession(deps: Partial<SessionDeps> = {}): AnalysisSession {
  const d: SessionDeps = { ...defaultSessionDeps, ...deps };
  let last: { fileId: number; picked: PickedWorkbook } | null = null;
  const picked = async (
    request: AnalysisRequest,
    onProgress: (p: Progress) => void,
  ): Promise<PickedWorkbook> => {
    if (last?.fileId === request.fileId) return last.picked;
    last = null; // the previous file's grid is not kept past a new pick
    onProgress({ phase: 'reading' });
    const read = await d.read(request.file, request.name, onProgress);
    last = { fileId: request.fileId, picked: read };
    return read;
  };
  return {
    async read(request, onProgress) {
      return (await picked(request, onProgress)).snapshot;
    },
    async analyse(request, onProgress) {
      const book = await picked(request, onProgress);
      onProgress({ phase: 'analysing' });
      const report = analyzeWorkbook(book.snapshot, {
        riskThreshold: request.riskThreshold,
        ...(request.goals === undefined ? {} : { goals: request.goals }),
      });
      return withUnreadableSheets(report, book.unreadable);
    },
    async reportWorkbook(report, options, sourceFile, onProgress) {
      onProgress({ phase: 'writing' });
      return d.writeWorkbook(report, options, sourceFile, last?.picked.snapshot ?? null);
    },
  };
}

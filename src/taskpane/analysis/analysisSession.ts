/**
 * The work behind the standalone pane, wherever it runs (the analysis worker in a browser,
 * in-process in jest): read a picked file within the reader's budgets, run the engine, and write
 * the report workbook. Keeps the last file's snapshot, so a new risk threshold re-runs only the
 * engine.
 */
import { analyzeWorkbook } from '../../domain/analyze';
import { problem } from '../../domain/messages';
import type { WorkbookSnapshot } from '../../domain/grid';
import type { Report } from '../../domain/report';
import type { ReportSheetOptions } from '../../domain/standardTables';
import type { Progress } from '../host';
import type { AnalysisRequest } from './analyzer';
import { readPickedFile, type PickedWorkbook } from './readPickedFile';

/** What the session needs from outside; tests replace any of them. */
export interface SessionDeps {
  read(file: Blob, name: string, onProgress: (p: Progress) => void): Promise<PickedWorkbook>;
  writeWorkbook(
    report: Report,
    options: ReportSheetOptions,
    sourceFile: string,
  ): Promise<Uint8Array>;
}

/** The real reader, and the report writer loaded on first use (ExcelJS is a large chunk). */
export const defaultSessionDeps: SessionDeps = {
  read: readPickedFile,
  async writeWorkbook(report, options, sourceFile) {
    const [{ buildReportSheets }, { writeReportWorkbook }] = await Promise.all([
      import(/* webpackChunkName: "report" */ '../../domain/standardTables'),
      import(/* webpackChunkName: "xlsx-write" */ '../../adapters/xlsx/writeReportWorkbook'),
    ]);
    return writeReportWorkbook(buildReportSheets(report, options), { sourceFile });
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
      return d.writeWorkbook(report, options, sourceFile);
    },
  };
}

/**
 * The report with an `error` problem for each sheet that could not be read, first; the engine saw
 * such a sheet as empty, so its note that the workbook holds no values is dropped. The CLI does
 * the same (`src/cli/runCli.ts`).
 */
export function withUnreadableSheets(report: Report, sheets: readonly string[]): Report {
  if (sheets.length === 0) return report;
  const problems = sheets.map((sheet) => problem(sheet, null, 'error', 'unreadable-sheet'));
  for (const p of report.problems) if (p.code !== 'empty-workbook') problems.push(p);
  return { ...report, problems };
}

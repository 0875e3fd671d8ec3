/**
 * Standalone mode's host: the workbook is a .xlsx the user picked or dropped in a browser. The
 * page never reads it: the analyzer (a Web Worker in the browser, `analysis/`) reads it with the
 * CLI's own reader and budgets, runs the engine and writes the report workbook, which is then
 * downloaded instead of touching any file. Nothing leaves the browser; no server code.
 */
import { DEFAULT_RISK_THRESHOLD } from '../domain/analyze';
import type { WorkbookSnapshot } from '../domain/grid';
import type { AnalyzeOptions, Report } from '../domain/report';
import type { TemplateContent } from '../domain/templates';
import type { ReportSheetOptions } from '../domain/standardTables';
import type { AnalysisRequest, WorkbookAnalyzer } from './analysis/analyzer';
import { downloadFile, reportFileName, XLSX_MIME } from './download';
import type { Progress, WorkbookHost, WriteOutcome } from './host';
import { TEMPLATE_FILE_NAME } from './host';
import { loadTemplateWriter } from './loadTemplateWriter';

/** A host over a picked file; `setFile` chooses the file to read. */
export interface FileHost extends WorkbookHost {
  readonly kind: 'file';
  /** The picked file's name, or null before one is picked. */
  readonly fileName: string | null;
  /** Chooses the file; it is read only when analysed, and only by the analyzer. */
  setFile(name: string, file: Blob): void;
  analyseWorkbook(options: AnalyzeOptions, onProgress?: (p: Progress) => void): Promise<Report>;
  cancel(): void;
  /** Downloads the templates as `Nämndplan mallar.xlsx` (nothing to replace: never asks). */
  writeTemplates(
    content: TemplateContent,
    confirmReplace: (sheetNames: string[]) => Promise<boolean>,
  ): Promise<WriteOutcome>;
}

/** What the file host needs from the outside world; tests replace any of them. */
export interface FileHostDeps {
  /** Reads, analyses and writes: the worker in a browser, in-process in tests. */
  analyzer: WorkbookAnalyzer;
  download(bytes: Uint8Array, fileName: string): void;
  /** Current report sheet settings (the pane's remembered thresholds). */
  reportOptions(): ReportSheetOptions;
  /** The template writer, loaded when first asked for (tests pass the writer itself). */
  templateWriter?: typeof loadTemplateWriter;
}

const browserDownload = (bytes: Uint8Array, fileName: string): void =>
  // Copy into a plain ArrayBuffer-backed array: Blob refuses SharedArrayBuffer views.
  downloadFile(new Uint8Array(bytes), fileName, XLSX_MIME);

/** True when `host` is a file host (standalone mode). */
export function isFileHost(host: WorkbookHost): host is FileHost {
  return host.kind === 'file' && 'setFile' in host;
}

/**
 * Creates the standalone host. `selectCell` always resolves false: a browser cannot select a
 * cell in a file, so the pane shows the cell's address instead.
 *
 * @example const host = createFileHost({ analyzer: createWorkerAnalyzer(createAnalysisWorker) });
 *   host.setFile('plan.xlsx', file); await host.analyseWorkbook({ riskThreshold: 12 }) // → Report
 */
export function createFileHost(
  deps: Pick<FileHostDeps, 'analyzer'> & Partial<FileHostDeps>,
): FileHost {
  const { analyzer } = deps;
  const download = deps.download ?? browserDownload;
  const reportOptions = deps.reportOptions ?? (() => ({ riskThreshold: DEFAULT_RISK_THRESHOLD }));
  let file: { name: string; blob: Blob; id: number } | null = null;
  let lastId = 0;
  const request = (options: AnalyzeOptions = {}): AnalysisRequest => {
    if (file === null) throw new Error('Ingen fil vald.');
    const riskThreshold = options.riskThreshold ?? DEFAULT_RISK_THRESHOLD;
    const goals = options.goals === undefined ? {} : { goals: options.goals };
    return { file: file.blob, name: file.name, fileId: file.id, riskThreshold, ...goals };
  };
  return {
    kind: 'file',
    get fileName() {
      return file?.name ?? null;
    },
    setFile(name, blob) {
      file = { name, blob, id: ++lastId };
    },
    async readWorkbook(onProgress = () => undefined): Promise<WorkbookSnapshot> {
      return analyzer.read(request(), onProgress);
    },
    async analyseWorkbook(options, onProgress = () => undefined): Promise<Report> {
      return analyzer.analyse(request(options), onProgress);
    },
    cancel() {
      analyzer.cancel();
    },
    async writeReport(
      report: Report,
      _confirmReplace: (names: string[]) => Promise<boolean>,
      onProgress: (p: Progress) => void = () => undefined,
    ): Promise<WriteOutcome> {
      onProgress({ phase: 'writing' });
      const name = reportFileName(report.workbook, 'xlsx');
      // The report file is downloaded beside the source, so links point at it by name.
      const bytes = await analyzer.reportWorkbook(
        report,
        reportOptions(),
        report.workbook,
        onProgress,
      );
      download(bytes, name);
      return { written: [name], replaced: [], cancelled: false };
    },
    // The templates are made here, not by the analyzer: they need no file, only the report.
    async writeTemplates(content): Promise<WriteOutcome> {
      const write = await (deps.templateWriter ?? loadTemplateWriter)();
      download(await write(content), TEMPLATE_FILE_NAME);
      return { written: [TEMPLATE_FILE_NAME], replaced: [], cancelled: false };
    },
    selectCell(): Promise<boolean> {
      return Promise.resolve(false);
    },
  };
}

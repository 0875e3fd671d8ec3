/**
 * Standalone mode's host: the workbook is a .xlsx the user picked or dropped in a browser. Reads
 * it with the same pure reader as the CLI (SheetJS), and "writing the report" downloads a report
 * workbook (ExcelJS) instead of touching any file. Nothing leaves the browser; no server code.
 * The xlsx libraries are loaded on first use, as their own chunks, to keep the pane's start small.
 */
import type { WorkbookSnapshot } from '../domain/grid';
import { DEFAULT_RISK_THRESHOLD } from '../domain/analyze';
import type { Report } from '../domain/report';
import type { ReportSheetOptions } from '../domain/standardTables';
import { downloadFile, reportFileName, XLSX_MIME } from './download';
import type { Progress, WorkbookHost, WriteOutcome } from './host';

/** A host over a picked file; `setFile` chooses the file to read. */
export interface FileHost extends WorkbookHost {
  readonly kind: 'file';
  /** The picked file's name, or null before one is picked. */
  readonly fileName: string | null;
  setFile(name: string, bytes: Uint8Array): void;
}

/** What the file host needs from the outside world; tests replace any of them. */
export interface FileHostDeps {
  readWorkbook(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot>;
  buildReportWorkbook(
    report: Report,
    options: ReportSheetOptions,
    sourceFile: string,
  ): Promise<Uint8Array>;
  download(bytes: Uint8Array, fileName: string): void;
  /** Current report sheet settings (the pane's remembered thresholds). */
  reportOptions(): ReportSheetOptions;
}

/** The browser's real dependencies: lazily imported readers/writers and a download link. */
export const browserFileHostDeps: FileHostDeps = {
  async readWorkbook(bytes, name) {
    const { readWorkbook } = await import(
      /* webpackChunkName: "xlsx-read" */ '../adapters/xlsx/readWorkbook'
    );
    return readWorkbook(bytes, name);
  },
  async buildReportWorkbook(report, options, sourceFile) {
    const [{ buildReportSheets }, { writeReportWorkbook }] = await Promise.all([
      import(/* webpackChunkName: "report" */ '../domain/standardTables'),
      import(/* webpackChunkName: "xlsx-write" */ '../adapters/xlsx/writeReportWorkbook'),
    ]);
    return writeReportWorkbook(buildReportSheets(report, options), { sourceFile });
  },
  download(bytes, fileName) {
    // Copy into a plain ArrayBuffer-backed array: Blob refuses SharedArrayBuffer views.
    downloadFile(new Uint8Array(bytes), fileName, XLSX_MIME);
  },
  reportOptions: () => ({ riskThreshold: DEFAULT_RISK_THRESHOLD }),
};

/** True when `host` is a file host (standalone mode). */
export function isFileHost(host: WorkbookHost): host is FileHost {
  return host.kind === 'file' && 'setFile' in host;
}

/**
 * Creates the standalone host. `selectCell` always resolves false: a browser cannot select a
 * cell in a file, so the pane shows the cell's address instead.
 *
 * @example const host = createFileHost(); host.setFile('plan.xlsx', bytes);
 *   await host.readWorkbook() // → WorkbookSnapshot named 'plan.xlsx'
 */
export function createFileHost(deps: Partial<FileHostDeps> = {}): FileHost {
  const d: FileHostDeps = { ...browserFileHostDeps, ...deps };
  let file: { name: string; bytes: Uint8Array } | null = null;
  return {
    kind: 'file',
    get fileName() {
      return file?.name ?? null;
    },
    setFile(name, bytes) {
      file = { name, bytes };
    },
    async readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
      if (file === null) throw new Error('Ingen fil vald.');
      onProgress?.({ phase: 'reading' });
      return d.readWorkbook(file.bytes, file.name);
    },
    async writeReport(
      report: Report,
      _confirmReplace: (names: string[]) => Promise<boolean>,
      onProgress?: (p: Progress) => void,
    ): Promise<WriteOutcome> {
      onProgress?.({ phase: 'writing' });
      const name = reportFileName(report.workbook, 'xlsx');
      // The report file is downloaded beside the source, so links point at it by name.
      const bytes = await d.buildReportWorkbook(report, d.reportOptions(), report.workbook);
      d.download(bytes, name);
      return { written: [name], replaced: [], cancelled: false };
    },
    selectCell(): Promise<boolean> {
      return Promise.resolve(false);
    },
  };
}

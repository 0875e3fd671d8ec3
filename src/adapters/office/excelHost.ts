/**
 * The task pane's door to a live workbook: `WorkbookHost` over `Excel.run`. Every call is
 * `return await Excel.run(...)` inside `try`, so Office's errors reach the `catch` and leave as
 * an `ExcelHostError` with a Swedish message and a retry flag (never a blank pane).
 */
import { buildReportSheets, type ReportSheetOptions } from '../../domain/standardTables';
import type { Progress, WorkbookHost, WriteOutcome } from '../../taskpane/host';
import type { Report } from '../../domain/report';
import { DEFAULT_RISK_THRESHOLD } from '../../domain/analyze';
import type { WorkbookSnapshot } from '../../domain/grid';
import { toExcelHostError } from './officeErrors';
import { readWorkbookFromExcel } from './readWorkbook';
import { selectCell } from './selectCell';
import { writeReportSheets } from './writeReportSheets';

/** `Excel.run` with one batch function (the only overload we use). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Settings of the report sheets, read when writing (the pane's remembered thresholds). */
  reportOptions?: () => ReportSheetOptions;
  /** Defaults to the global `Excel.run`; tests pass the fake's. */
  run?: ExcelRun;
}

/** The workbook's file name from the document URL (`…/Nämndplan%202024.xlsx`). */
function workbookName(): string {
  try {
    const url = typeof Office !== 'undefined' ? Office.context?.document?.url : undefined;
    const last = url ? decodeURIComponent(url.split(/[\\/]/).pop() ?? '') : '';
    return last.replace(/[?#].*$/, '') || 'Arbetsbok.xlsx';
  } catch {
    return 'Arbetsbok.xlsx';
  }
}

/** Merged areas need ExcelApi 1.13; below that the read skips them instead of failing. */
function supportsMerges(): boolean {
  try {
    return (
      typeof Office === 'undefined' ||
      Office.context.requirements.isSetSupported('ExcelApi', '1.13')
    );
  } catch {
    return false;
  }
}

/**
 * Creates the Excel host. Call after `Office.onReady` reported `host: 'Excel'`.
 * @example const host = createExcelHost({ reportOptions: () => ({ riskThreshold: 12 }) })
 */
export function createExcelHost(options: ExcelHostOptions = {}): WorkbookHost {
  const run: ExcelRun = options.run ?? ((batch) => Excel.run(batch));
  return {
    kind: 'excel',
    async readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookSnapshot> {
      try {
        return await run((context) =>
          readWorkbookFromExcel(context, onProgress, {
            workbookName: workbookName(),
            merges: supportsMerges(),
          }),
        );
      } catch (error) {
        throw toExcelHostError(error);
      }
    },
    async writeReport(
      report: Report,
      confirmReplace: (sheetNames: string[]) => Promise<boolean>,
      onProgress?: (p: Progress) => void,
    ): Promise<WriteOutcome> {
      const sheets = buildReportSheets(
        report,
        options.reportOptions?.() ?? { riskThreshold: DEFAULT_RISK_THRESHOLD },
      );
      try {
        return await run((context) =>
          writeReportSheets(context, sheets, confirmReplace, onProgress),
        );
      } catch (error) {
        throw toExcelHostError(error);
      }
    },
    async selectCell(sheet: string, cell: string): Promise<boolean> {
      try {
        await run((context) => selectCell(context, sheet, cell));
        return true;
      } catch (error) {
        throw toExcelHostError(error);
      }
    },
  };
}

/**
 * The task pane's door to a live workbook: `WorkbookHost` over `Excel.run`. Every call is
 * `return await Excel.run(...)` inside `try`, so Office's errors reach the `catch` and leave as
 * an `ExcelHostError` with a Swedish message and a retry flag (never a blank pane).
 */
import type { ReportSheetOptions } from '../../domain/standardTables';
import { buildDocumentTables } from '../../domain/output/documentTables';
import { reportWorkbookSheets } from '../../domain/output/reportWorkbookSheets';
import type { Progress, WorkbookHost, WriteOutcome } from '../../taskpane/host';
import type { Report } from '../../domain/report';
import { DEFAULT_RISK_THRESHOLD } from '../../domain/analyze';
import type { WorkbookSnapshot } from '../../domain/grid';
import { ExcelHostError, toExcelHostError } from './officeErrors';
import { readWorkbookFromExcel } from './readWorkbook';
import { selectCell } from './selectCell';
import { readWorkbookSettings, writeWorkbookSettings } from './workbookSettings';
import { planReportSheets, writePlannedReportSheets } from './writeReportSheets';
import { withoutReportSheets } from './withoutReportSheets';

/** The two overloads of `Excel.run` we use: `(batch)` and `(options, batch)`. */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The global `Excel.run`, looked up at each call (office.js may define it late). */
function globalRun<T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  return Excel.run(options, batch);
}

export interface ExcelHostOptions {
  /** Settings of the report sheets, read when writing (the pane's remembered thresholds). */
  reportOptions?: () => ReportSheetOptions;
  /** Defaults to the global `Excel.run`; tests pass the fake's. */
  run?: ExcelRun;
}

/**
 * A user typing in a cell is waited for, not failed, when we write or select: Excel holds the
 * batch until the edit ends (the DelayForCellEdit set; ignored where it is missing). Reading
 * fails at once instead, so the pane can say why nothing happens.
 */
const WAIT_FOR_CELL_EDIT: Excel.RunOptions = { delayForCellEdit: true };
const READ_OPTIONS: Excel.RunOptions = {};

/**
 * Creates the Excel host. Call after `Office.onReady` reported `host: 'Excel'`.
 * @example const host = createExcelHost({ reportOptions: () => ({ riskThreshold: 12 }) })
 */
export function createExcelHost(options: ExcelHostOptions = {}): WorkbookHost {
  const run = options.run ?? globalRun;
  // The workbook as last read: the report written is of it, so its document tables are too.
  let lastRead: WorkbookSnapshot | null = null;
  const readWorkbook = async (
    onProgress?: (p: Progress) => void,
    runOptions: Excel.RunOptions = READ_OPTIONS,
  ): Promise<WorkbookSnapshot> => {
    try {
      lastRead = await run(runOptions, async (context) =>
        withoutReportSheets(context, await readWorkbookFromExcel(context, onProgress)),
      );
      return lastRead;
    } catch (error) {
      throw toExcelHostError(error);
    }
  };
  return {
    kind: 'excel',
    readWorkbook: (onProgress) => readWorkbook(onProgress),
    async writeReport(
      report: Report,
      confirmReplace: (sheetNames: string[]) => Promise<boolean>,
      onProgress?: (p: Progress) => void,
    ): Promise<WriteOutcome> {
      const reportOptions = options.reportOptions?.() ?? { riskThreshold: DEFAULT_RISK_THRESHOLD };
      // The document tables first, then the audit listing: the CLI's --out, sheet for sheet.
      // (Read now only if the pane never read: as part of writing, it waits for a cell edit.)
      const snapshot = lastRead ?? (await readWorkbook(undefined, WAIT_FOR_CELL_EDIT));
      const sheets = reportWorkbookSheets(
        report,
        buildDocumentTables(snapshot, report, { riskThreshold: reportOptions.riskThreshold }),
        reportOptions,
      );
      try {
        // Run 1: which earlier report sheets would be rewritten. Then the question, outside
        // any Excel.run (a batch must not wait on a person).
        onProgress?.({ phase: 'writing', fraction: 0 });
        const replaced = await run(WAIT_FOR_CELL_EDIT, async (context) => {
          const plan = await planReportSheets(context, sheets);
          return plan.replaced;
        });
        if (replaced.length > 0 && !(await confirmReplace(replaced))) {
          return { written: [], replaced: [], cancelled: true };
        }
        // Run 2: plan again (the workbook may have changed while the question was open) and
        // write only if nothing beyond what the user agreed to would be rewritten.
        const agreed = new Set(replaced.map((n) => n.toLowerCase()));
        return await run(WAIT_FOR_CELL_EDIT, async (context) => {
          const plan = await planReportSheets(context, sheets);
          const unasked = plan.replaced.filter((n) => !agreed.has(n.toLowerCase()));
          if (unasked.length > 0) {
            throw new ExcelHostError('changed', null, `Not agreed to: ${unasked.join(', ')}`);
          }
          return writePlannedReportSheets(context, sheets, plan, onProgress);
        });
      } catch (error) {
        throw toExcelHostError(error);
      }
    },
    workbookSettings: {
      async read(): Promise<unknown> {
        try {
          return await run(READ_OPTIONS, (context) => readWorkbookSettings(context));
        } catch (error) {
          throw toExcelHostError(error);
        }
      },
      async write(value: unknown): Promise<void> {
        try {
          await run(WAIT_FOR_CELL_EDIT, (context) => writeWorkbookSettings(context, value));
        } catch (error) {
          throw toExcelHostError(error);
        }
      },
    },
    async selectCell(sheet: string, cell: string): Promise<boolean> {
      try {
        await run(WAIT_FOR_CELL_EDIT, (context) => selectCell(context, sheet, cell));
        return true;
      } catch (error) {
        throw toExcelHostError(error);
      }
    },
  };
}

// The Office adapter: what the task pane and the bench use.
export { createExcelHost, type ExcelHostOptions, type ExcelRun } from './excelHost';
export { readWorkbookFromExcel, type ReadOptions } from './readWorkbook';
export {
  planReportSheets,
  writePlannedReportSheets,
  writeReportSheets,
  REPORT_MARKER,
  type ReportPlan,
} from './writeReportSheets';
export { selectCell } from './selectCell';
export { readWorkbookSettings, writeWorkbookSettings, SETTINGS_KEY } from './workbookSettings';
export { supportsExcelApi } from './requirements';
export { ExcelHostError, toExcelHostError, type ExcelHostErrorKind } from './officeErrors';

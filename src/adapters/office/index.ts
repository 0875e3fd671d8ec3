// The Office adapter: what the task pane and the bench use.
export { createExcelHost, type ExcelHostOptions, type ExcelRun } from './excelHost';
export { readWorkbookFromExcel, type ReadOptions } from './readWorkbook';
export { writeReportSheets, REPORT_MARKER } from './writeReportSheets';
export { selectCell } from './selectCell';
export { ExcelHostError, toExcelHostError, type ExcelHostErrorKind } from './officeErrors';

/**
 * What the command does with ExcelJS, in one module of its own: the bundle builds it into a file
 * of its own (`excel-writers.js`), loaded only when `--out`, `template` or a template's formulas
 * ask for it (`loadExcelWriters`). ExcelJS is two thirds of the command's code.
 */
export { writeReportWorkbook } from '../../adapters/xlsx/writeReportWorkbook';
export { writeTemplate } from '../../adapters/xlsx/writeTemplate';
export { readFormulaCells } from '../../adapters/xlsx/readFormulaCells';

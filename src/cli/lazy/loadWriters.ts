/**
 * The writers, loaded when an output asks for them and not before: an analysis printed or
 * written as JSON never loads ExcelJS or `docx` (most of the command's code), so it starts at
 * once. Each function here has the signature of the writer it stands for and loads it on its
 * first call. `scripts/build-cli.mjs` builds each module required here into a file of its own
 * beside the command's bundle and leaves these `require` calls to load that file at run time;
 * run from the sources (jest, tsx), they load the modules themselves.
 *
 * `require`, not `import()`: a dynamic import is a promise in the bundle but cannot run in jest.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded at the point of use, see above */
type ExcelWriters = typeof import('./excelWriters');
type DocxWriter = typeof import('./docxWriter');

/** ExcelJS's writers and formula reader (`--out`, `template`, a template's formulas). */
function excelWriters(): ExcelWriters {
  return require('./excelWriters') as ExcelWriters;
}

/** The Word writer (`--docx`). */
function docxWriter(): DocxWriter {
  return require('./docxWriter') as DocxWriter;
}

/** `writeReportWorkbook` (`--out`), ExcelJS loaded on the first call. */
export const writeReportWorkbook: ExcelWriters['writeReportWorkbook'] = (sheets, options) =>
  excelWriters().writeReportWorkbook(sheets, options);

/** `writeTemplate` (`namndplan template`), ExcelJS loaded on the first call. */
export const writeTemplate: ExcelWriters['writeTemplate'] = (content) =>
  excelWriters().writeTemplate(content);

/** `readFormulaCells` (a template's formulas), ExcelJS loaded on the first call. */
export const readFormulaCells: ExcelWriters['readFormulaCells'] = (bytes, sheets) =>
  excelWriters().readFormulaCells(bytes, sheets);

/** `writeDocumentTables` (`--docx`), `docx` loaded on the first call. */
export const writeDocumentTables: DocxWriter['writeDocumentTables'] = (tables, options) =>
  docxWriter().writeDocumentTables(tables, options);

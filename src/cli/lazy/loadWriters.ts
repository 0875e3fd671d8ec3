/**
 * The writers, loaded when an output asks for them and not before: an analysis printed or
 * written as JSON never loads ExcelJS or `docx` (most of the command's code), so it starts at
 * once. `scripts/build-cli.mjs` builds each module required here into a file of its own beside
 * the command's bundle, and leaves these `require` calls to load that file at run time; run from
 * the sources (jest, tsx), they load the modules themselves.
 *
 * `require`, not `import()`: a dynamic import is a promise in the bundle but cannot run in jest.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded at the point of use, see above */
type ExcelWriters = typeof import('./excelWriters');
type DocxWriter = typeof import('./docxWriter');

/** ExcelJS's writers and formula reader (`--out`, `template`, a template's formulas). */
export function loadExcelWriters(): ExcelWriters {
  return require('./excelWriters') as ExcelWriters;
}

/** The Word writer (`--docx`). */
export function loadDocxWriter(): DocxWriter {
  return require('./docxWriter') as DocxWriter;
}

/**
 * The Word writer and the `docx` package, in one module of its own: the bundle builds it into a
 * file of its own (`docx-writer.js`), loaded only when `--docx` asks for it (`loadDocxWriter`).
 */
export { writeDocumentTables } from '../../adapters/docx/writeDocumentTables';

/**
 * Loads the Word writer (the CLI's `writeDocumentTables`, with the large `docx` package) only when
 * the pane is asked for a Word file: webpack makes this `import()` a chunk of its own. Apart so
 * that jest, which cannot run a dynamic import here, can replace it.
 */
import type { writeDocumentTables } from '../adapters/docx/writeDocumentTables';

export async function loadDocxWriter(): Promise<typeof writeDocumentTables> {
  const module = await import(
    /* webpackChunkName: "docx" */ '../adapters/docx/writeDocumentTables'
  );
  return module.writeDocumentTables;
}

/**
 * Loads the template writer (the CLI's `writeTemplate`, with ExcelJS) only when the pane is asked
 * for the templates in standalone mode: webpack makes this `import()` a chunk of its own, so it
 * is not in the first bundle. Apart so that jest, which cannot run a dynamic import here, can
 * replace it.
 */
import type { writeTemplate } from '../adapters/xlsx/writeTemplate';

export async function loadTemplateWriter(): Promise<typeof writeTemplate> {
  const module = await import(/* webpackChunkName: "template" */ '../adapters/xlsx/writeTemplate');
  return module.writeTemplate;
}

/**
 * For `namndplan analyze` on one of the product's own templates: the formulas of its sheets,
 * which the reader's snapshot (cached values) does not hold, so the check can tell a formula
 * from a number typed over it. Any other workbook is not read again.
 */
import { readFile, stat } from 'node:fs/promises';
import type { WorkbookSnapshot } from '../domain/grid';
import type { AnalyzeOptions } from '../domain/report';
import { templateMarker } from '../domain/templates';
import { readFormulaCells } from './lazy/loadWriters';

/** A template is read a second time (by ExcelJS) only up to this size; past it, by values. */
const MAX_TEMPLATE_BYTES = 32 * 1024 * 1024;

/**
 * `options` with the template's formulas added, when `snapshot` is one of the product's
 * templates read from the regular file `path`; else `options` as they are (the check then judges
 * formula cells by their values).
 *
 * @example await withTemplateFormulas({ riskThreshold: 12 }, 'mall.xlsx', snapshot)
 *   // → { riskThreshold: 12, formulas: Map { 'Uppföljning drift' => Map { 'E5' => … } } }
 */
export async function withTemplateFormulas(
  options: AnalyzeOptions,
  path: string,
  snapshot: WorkbookSnapshot,
): Promise<AnalyzeOptions> {
  const marker = templateMarker(snapshot);
  if (marker === null || marker.length === 0) return options;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_TEMPLATE_BYTES) return options;
    const bytes = await readFile(path);
    const formulas = await readFormulaCells(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      marker.map((m) => m.sheet),
    );
    return { ...options, formulas };
  } catch {
    // The reader read it already; should ExcelJS not, the values are judged instead.
    return options;
  }
}

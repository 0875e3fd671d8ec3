/**
 * The workbook as the engine should see it: without the report sheets Nämndplan wrote into it.
 * A report sheet holds the document tables themselves (`NP Driftredovisning`: Budget, Prognos,
 * Avvikelse), so read back it would be found and reported a second time on the next analysis.
 * A sheet is ours by its marker (`REPORT_MARKER`), never by its name alone: a user's sheet that
 * happens to be called `NP …` is read like any other.
 */
import type { WorkbookSnapshot } from '../../domain/grid';
import { REPORT_MARKER } from './writeReportSheets';

/** Every generated sheet's name starts so (`standardTables.ts`, `documentSheets.ts`). */
const REPORT_PREFIX = 'np ';

/**
 * `snapshot` without the sheets that carry our marker: no sync when no sheet's name starts with
 * `NP `, else one (the markers of those sheets).
 *
 * @example (await withoutReportSheets(context, snapshot)).sheets.map((s) => s.name)
 *   // → ['Ekonomi', 'Indikatorer'] (not 'NP Driftredovisning', written by an earlier run)
 */
export async function withoutReportSheets(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
): Promise<WorkbookSnapshot> {
  const candidates = snapshot.sheets.filter((s) => s.name.toLowerCase().startsWith(REPORT_PREFIX));
  if (candidates.length === 0) return snapshot;
  const worksheets = context.workbook.worksheets;
  const probes = candidates.map((s) => ({
    name: s.name,
    marker: worksheets.getItem(s.name).names.getItemOrNullObject(REPORT_MARKER),
  }));
  await context.sync();
  const ours = new Set(probes.filter((p) => !p.marker.isNullObject).map((p) => p.name));
  if (ours.size === 0) return snapshot;
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => !ours.has(s.name)) };
}

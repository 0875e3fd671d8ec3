/**
 * The report sheets Nämndplan wrote into a workbook (the pane's `NP Driftredovisning`, `NP
 * Avvikelser`, …), told by the sheet-scoped name they carry (`REPORT_MARKER`), never by their
 * names alone. They hold the document tables themselves, so a workbook saved with them and read
 * again by the CLI or the standalone pane would have its tables found and reported twice: both
 * readers leave them out, as the Office adapter does (`withoutReportSheets.ts`).
 */
import type * as XLSX from '@e965/xlsx';
import { REPORT_MARKER } from '../../domain/reportMarker';

/**
 * Names of the sheets that carry the report marker, from SheetJS's parsed workbook.
 *
 * @example reportSheetNames(book) // → Set { 'NP Driftredovisning', 'NP Avvikelser' }
 */
export function reportSheetNames(
  book: Pick<XLSX.WorkBook, 'SheetNames' | 'Workbook'>,
): Set<string> {
  const out = new Set<string>();
  for (const n of book.Workbook?.Names ?? []) {
    if (n.Name !== REPORT_MARKER || typeof n.Sheet !== 'number') continue;
    const sheet = book.SheetNames[n.Sheet];
    if (sheet !== undefined) out.add(sheet);
  }
  return out;
}

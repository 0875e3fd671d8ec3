/**
 * The sheets of the report workbook, in their order: the document tables first (what goes into
 * the committee's document), then the audit listing (every variance with its source cell, every
 * check). One function, so the CLI's `--out`, the pane's standalone download and the report
 * sheets the pane writes into Excel never differ in what they hold or in its order.
 */
import type { Report } from '../report';
import type { ReportSheet } from '../reportSheets';
import { buildReportSheets, type ReportSheetOptions } from '../standardTables';
import { documentSheets } from './documentSheets';
import type { DocumentTable } from './model';

/**
 * The document tables as sheets (`NP Driftredovisning`, …), then the audit sheets
 * (`NP Avvikelser`, …), with the same variance threshold for all.
 *
 * @example reportWorkbookSheets(report, buildDocumentTables(snapshot, report, { riskThreshold: 12 }),
 *   { riskThreshold: 12 }).map((s) => s.name)
 *   // → ['NP Driftredovisning', 'NP Investeringsredovisning', …, 'NP Avvikelser', …]
 */
export function reportWorkbookSheets(
  report: Report,
  documents: readonly DocumentTable[],
  options: ReportSheetOptions,
): ReportSheet[] {
  const sheets = documentSheets(documents);
  for (const sheet of buildReportSheets(report, options)) sheets.push(sheet);
  return sheets;
}

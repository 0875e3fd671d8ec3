/**
 * The report of a workbook some of whose sheets could not be read (a reader's budget, a damaged
 * part): what the CLI and the pane's standalone door both report for it.
 */
import { problem } from './messages';
import type { Report } from './report';

/**
 * The report with an `error` problem (`unreadable-sheet`) for each sheet that could not be read,
 * first. The engine saw such a sheet as empty, so its note that the workbook holds no values
 * (`empty-workbook`) is dropped: the workbook may hold some.
 *
 * @example withUnreadableSheets(report, ['Drift']).problems[0]
 *   // → { sheet: 'Drift', cell: null, severity: 'error', code: 'unreadable-sheet', … }
 */
export function withUnreadableSheets(report: Report, sheets: readonly string[]): Report {
  if (sheets.length === 0) return report;
  const problems = sheets.map((sheet) => problem(sheet, null, 'error', 'unreadable-sheet'));
  for (const p of report.problems) if (p.code !== 'empty-workbook') problems.push(p);
  return { ...report, problems };
}

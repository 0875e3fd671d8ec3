import type { WorkbookSnapshot } from './grid';
import type { AnalyzeOptions, Report } from './report';

/**
 * Analyses a whole workbook: finds its tables, computes variances (positive = favourable),
 * assesses indicators, reads risks and recomputes every figure that can be recomputed.
 * STUB: being written; returns an empty report.
 */
export function analyzeWorkbook(workbook: WorkbookSnapshot, options: AnalyzeOptions = {}): Report {
  void options;
  return {
    schemaVersion: 1,
    workbook: workbook.name,
    tables: [],
    variances: [],
    indicators: [],
    risks: [],
    checks: [],
    problems: [],
  };
}

// The output stage: document tables and the money summary, for the CLI, the report workbook, the
// Word file and the task pane.
export type * from './model';
export { buildDocumentTables, type DocumentTableOptions } from './documentTables';
export { documentSheets, DOCUMENT_SHEET_NAMES, DOCUMENT_TONE_ROLES } from './documentSheets';
export {
  budgetPairs,
  grandTotal,
  moneySummary,
  pairTitle,
  type BudgetPair,
  type BudgetResult,
  type MoneySummary,
  type UnfavourableVariances,
} from './budgetPairs';
export { findCommittee } from './committee';
export { DEFAULT_RISK_ZONES, riskZone, type RiskZones } from './riskDocuments';

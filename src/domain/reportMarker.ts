/**
 * The sheet-scoped name that marks a sheet as written by Nämndplan (a report sheet in the user's
 * workbook). Adapters that write report sheets set it; adapters that read workbooks leave such
 * sheets out, so the engine never analyses its own output.
 */
export const REPORT_MARKER = 'NamndplanRapport';

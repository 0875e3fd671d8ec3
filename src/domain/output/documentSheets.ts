/**
 * The document tables as report sheets (`ReportSheet`, layout `document`): what the report
 * workbook (ExcelJS) and the pane's report sheets (Office.js) render beside the audit listing.
 */
import { REPORT_SHEET_NAMES } from '../standardTables';
import type { CellRole, ReportRow, ReportSheet } from '../reportSheets';
import type { DocumentColumnKind, DocumentTable, DocumentTableKind, DocumentTone } from './model';

/** Sheet names by kind, `NP ` first as every generated sheet; never an audit sheet's name. */
export const DOCUMENT_SHEET_NAMES: Record<DocumentTableKind, string> = {
  drift: 'NP Driftredovisning',
  investeringar: 'NP Investeringsredovisning',
  maluppfyllelse: 'NP Mål och indikatorer',
  foljetal: 'NP Följetal',
  internkontrollplan: 'NP Internkontrollplan',
  riskmatris: 'NP Riskmatris',
};

/** The report sheets' colour role of each tone (the signal colours of `SIGNAL_COLOURS`). */
export const DOCUMENT_TONE_ROLES: Record<DocumentTone, CellRole> = {
  met: 'status-met',
  'not-met': 'status-not-met',
  unclear: 'status-unclear',
  none: 'status-none',
  'verdict-helt': 'verdict-helt',
  'verdict-i-hog-grad': 'verdict-i-hog-grad',
  'verdict-delvis': 'verdict-delvis',
  'verdict-ej': 'verdict-ej',
  'verdict-ej-bedomd': 'verdict-ej-bedomd',
  'zone-green': 'zone-green',
  'zone-yellow': 'zone-yellow',
  'zone-orange': 'zone-orange',
  'zone-red': 'zone-red',
};

const KIND_ROLE: Record<DocumentColumnKind, CellRole> = {
  text: 'text',
  amount: 'amount',
  percent: 'percent',
  integer: 'integer',
};

/**
 * One sheet per document table, named by its kind (`NP Driftredovisning`, a second one
 * `NP Driftredovisning 2`), at most 31 characters, unique, never an audit sheet's name.
 *
 * @example documentSheets(tables).map((s) => s.name)
 *   // → ['NP Driftredovisning', 'NP Investeringsredovisning', 'NP Mål och indikatorer', …]
 */
export function documentSheets(tables: readonly DocumentTable[]): ReportSheet[] {
  const taken = new Set<string>(Object.values(REPORT_SHEET_NAMES));
  return tables.map((t) => {
    const base = DOCUMENT_SHEET_NAMES[t.kind];
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    taken.add(name);
    return {
      name,
      title: t.title,
      layout: 'document',
      columns: t.columns.map((c) => ({
        header: c.header,
        role: KIND_ROLE[c.kind],
        width: c.width,
      })),
      rows: t.rows.map((r) => {
        const row: ReportRow = { values: r.cells.map((c) => c.value) };
        if (r.style !== 'line') row.emphasis = r.style;
        if (r.indent > 0) row.indent = r.indent;
        const roles: Record<number, CellRole> = {};
        const decimals: Record<number, number> = {};
        r.cells.forEach((c, i) => {
          if (c.tone) roles[i] = DOCUMENT_TONE_ROLES[c.tone];
          else if (c.percent && typeof c.value === 'number') roles[i] = 'percent';
          if (c.decimals !== undefined && c.decimals > 0) decimals[i] = c.decimals;
          else if (c.percent && typeof c.value === 'number') decimals[i] = 0;
        });
        if (Object.keys(roles).length > 0) row.roles = roles;
        if (Object.keys(decimals).length > 0) row.decimals = decimals;
        return row;
      }),
      notes: t.notes,
      ...(t.kind === 'riskmatris' ? { minRowLines: 3 } : {}),
    };
  });
}

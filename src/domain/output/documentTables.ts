/**
 * Builds the document tables of a workbook from its snapshot and its report: the source tables
 * found again with the engine's own `detectTables` (the same rows, in the same order, the same
 * totals), the figures, verdicts and risks taken from the report.
 */
import type { WorkbookSnapshot } from '../grid';
import type { Report, Table } from '../report';
import { SheetGrid } from '../sheetGrid';
import { detectTables, tableRange, type DetectedTable } from '../tables';
import { budgetPairs } from './budgetPairs';
import { findCommittee } from './committee';
import { goalDocument } from './goalDocument';
import { metricDocument } from './metricDocuments';
import type { DocumentTable, DocumentTableKind } from './model';
import { moneyDocument } from './moneyDocuments';
import {
  riskMatrixDocument,
  riskPlanDocument,
  type RiskSource,
  type RiskZones,
} from './riskDocuments';

export interface DocumentTableOptions {
  /** Risks with riskvärde at or above this are in the plan (said under it). */
  riskThreshold: number;
  /** The matrix's zones; default 1–4 green, 5–9 yellow, 10–14 orange, 15–25 red. */
  zones?: RiskZones;
}

/** The order the documents print them in. */
const ORDER: readonly DocumentTableKind[] = [
  'drift',
  'investeringar',
  'maluppfyllelse',
  'foljetal',
  'internkontrollplan',
  'riskmatris',
];

/**
 * The document tables of a workbook, in the order the documents print them: Driftredovisning
 * (one per budget table, in the workbook's order), Investeringsredovisning, Måluppfyllelse,
 * Följetal (one per source table), Internkontrollplan, Riskmatris. Amounts are exact, in each
 * table's unit and sign; variances positive when favourable. `report` must be the analysis of
 * `workbook`.
 *
 * @example buildDocumentTables(snapshot, analyzeWorkbook(snapshot), { riskThreshold: 12 })
 *   .map((t) => t.title)
 *   // → ['Ekonomisk sammanställning socialnämnden, prognos 2023 (tkr)', 'Investeringsplan …']
 */
export function buildDocumentTables(
  workbook: WorkbookSnapshot,
  report: Report,
  options: DocumentTableOptions,
): DocumentTable[] {
  const committee = findCommittee(workbook);
  const wanted = new Set(['budget', 'investments', 'metrics', 'risks']);
  const found = new Map<Table, { grid: SheetGrid; table: DetectedTable }>();
  for (const sheet of workbook.sheets) {
    const tables = report.tables.filter((t) => t.sheet === sheet.name && wanted.has(t.kind));
    if (tables.length === 0) continue;
    const grid = new SheetGrid(sheet);
    for (const d of detectTables(grid)) {
      const t = tables.find((x) => x.range === tableRange(d));
      if (t) found.set(t, { grid, table: d });
    }
  }
  const pairs = new Map(budgetPairs(report).map((p) => [p.table, p]));
  const out: DocumentTable[] = [];
  const counts = new Map<DocumentTableKind, number>();
  const nextId = (kind: DocumentTableKind): string => {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    return `${kind}-${n}`;
  };
  const risks: RiskSource[] = [];
  for (const t of report.tables) {
    const src = found.get(t);
    if (!src) continue;
    if (t.kind === 'budget' || t.kind === 'investments') {
      const kind = t.kind === 'investments' ? 'investeringar' : 'drift';
      const doc = moneyDocument(
        src.grid,
        src.table,
        t,
        pairs.get(t) ?? null,
        committee,
        nextId(kind),
      );
      if (doc) out.push(doc);
    } else if (t.kind === 'metrics') {
      const doc = metricDocument(src.grid, src.table, t, committee, nextId('foljetal'));
      if (doc) out.push(doc);
    } else if (t.kind === 'risks') {
      risks.push(src);
    }
  }
  const goals = goalDocument(report, committee, nextId('maluppfyllelse'));
  if (goals) out.push(goals);
  const plan = riskPlanDocument(report, risks, options, committee, nextId('internkontrollplan'));
  if (plan) out.push(plan);
  const matrix = riskMatrixDocument(report, risks, options, committee, nextId('riskmatris'));
  if (matrix) out.push(matrix);
  // Stable: within a kind, the workbook's order.
  return out.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

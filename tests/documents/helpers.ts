/**
 * The seed workbooks read, analysed and turned into document tables, and small finders that name
 * tables by kind and rows by their label (never by number), throwing with what there is instead.
 */
import { join, resolve } from 'node:path';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import { analyzeWorkbook } from '../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../src/domain/grid';
import { buildDocumentTables } from '../../src/domain/output/documentTables';
import type { DocumentRow, DocumentTable, DocumentTableKind } from '../../src/domain/output/model';
import type { Report } from '../../src/domain/report';

export const ROOT = resolve(__dirname, '..', '..');
export const SEEDS = ['ale-2018', 'ale-2024', 'alingsas-2023', 'mark-2024', 'mellerud-2023'];

export interface Seed {
  snapshot: WorkbookSnapshot;
  report: Report;
  tables: DocumentTable[];
}

/** `tests/fixtures/<name>.xlsx` read, analysed, and its document tables built (riskvärde 12). */
export async function seed(name: string): Promise<Seed> {
  const snapshot = await readWorkbookFile(join(ROOT, 'tests', 'fixtures', `${name}.xlsx`));
  const report = analyzeWorkbook(snapshot, { riskThreshold: 12 });
  return { snapshot, report, tables: buildDocumentTables(snapshot, report, { riskThreshold: 12 }) };
}

/** The `nth` document table of a kind. */
export function table(
  tables: readonly DocumentTable[],
  kind: DocumentTableKind,
  nth = 0,
): DocumentTable {
  const t = tables.filter((x) => x.kind === kind)[nth];
  if (!t) throw new Error(`No ${kind} #${nth}; tables: ${tables.map((x) => x.id).join(', ')}`);
  return t;
}

/** The `nth` row whose first cell is `label` (spaces folded). */
export function row(t: DocumentTable, label: string, nth = 0): DocumentRow {
  const fold = (s: string | number | null | undefined): string =>
    String(s ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  const r = t.rows.filter((x) => fold(x.cells[0]?.value) === label)[nth];
  if (!r) {
    throw new Error(
      `No row ${label} in ${t.title}; rows: ${t.rows.map((x) => fold(x.cells[0]?.value)).join(' | ')}`,
    );
  }
  return r;
}

/** A row's values. */
export function values(r: DocumentRow): (string | number | null)[] {
  return r.cells.map((c) => c.value);
}

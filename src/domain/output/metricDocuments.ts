/**
 * Följetal, verksamhetsmått and personnel figures as the source has them: its rows, its columns
 * (`Utfall 2021 | Utfall 2022 | Prognos 2023`, `2023 | 2022 | Differens`), its figures exact with
 * the decimals and percent signs it shows; never assessed. One document table per source table.
 */
import type { Table } from '../report';
import type { SheetGrid } from '../sheetGrid';
import { readRows } from '../tableRows';
import type { DetectedTable, TableColumn } from '../tables';
import { figureCell, textCell, textWidth } from './cells';
import type { DocumentColumn, DocumentRow, DocumentTable } from './model';
import { cleanHeader, plainTitle } from './titles';

/**
 * The document table of a följetal (metrics) table, or null when it holds no figure.
 *
 * @example metricDocument(grid, detected, table, 'socialnämnden', 'foljetal-1')?.title
 *   // → 'Socialnämndens följetal nämndplan'
 */
export function metricDocument(
  grid: SheetGrid,
  detected: DetectedTable,
  table: Table,
  committee: string | null,
  id: string,
): DocumentTable | null {
  // Every column with something in it, in the source's order; figures and words alike.
  const cols = detected.columns.filter((c) =>
    detected.dataRows.some((r) => grid.text(r, c.col) !== ''),
  );
  const numeric = cols.filter((c) =>
    detected.dataRows.some((r) => grid.numberKind(r, c.col) !== 0),
  );
  if (numeric.length === 0) return null;
  const rows = readRows(grid, detected, numeric);
  // The source's column order, its label column where it stands (`Verksamhet` may come first).
  const order: (TableColumn | 'label')[] = cols.filter((c) => c.col < detected.labelCol);
  order.push('label');
  for (const c of cols) if (c.col > detected.labelCol) order.push(c);
  const notes: string[] = [];
  const body: DocumentRow[] = [];
  for (const r of rows) {
    const label = r.label.trim();
    if (r.values.size === 0 && /^\*/.test(label)) {
      notes.push(label);
      continue;
    }
    if (label === '' && r.values.size === 0) continue;
    body.push({
      // Följetal are not sums (`Total sjukfrånvaro` stands first): no row is a total here.
      style: r.values.size === 0 ? 'heading' : 'line',
      indent: 0,
      cells: order.map((c) =>
        c === 'label'
          ? textCell(label)
          : numeric.includes(c) && grid.numberKind(r.row, c.col) !== 0
            ? figureCell(r.values.get(c.col))
            : textCell(grid.text(r.row, c.col)),
      ),
      source: { sheet: detected.sheet, row: r.row },
    });
  }
  const label = cleanHeader(detected.labelHeader.replace(/\*/g, ''));
  const columns: DocumentColumn[] = order.map((c): DocumentColumn => {
    if (c === 'label') {
      return {
        header: label === '' ? 'Mått' : label,
        kind: 'text',
        width: textWidth(
          rows.map((r) => r.label),
          24,
          56,
        ),
      };
    }
    const header = cleanHeader(c.header.text);
    return numeric.includes(c)
      ? { header, kind: 'amount', width: header.length + 2 > 12 ? header.length + 2 : 12 }
      : { header, kind: 'text', width: 20 };
  });
  const name = plainTitle(table.title) || 'Följetal';
  const named =
    committee !== null && !name.toLocaleLowerCase('sv').includes(committee.slice(0, -2))
      ? `${name}, ${committee}`
      : name;
  return {
    id,
    kind: 'foljetal',
    title: table.unit === null ? named : `${named} (${table.unit})`,
    unit: table.unit,
    columns,
    rows: body,
    notes,
    result: null,
    source: { sheet: table.sheet, range: table.range },
  };
}

import { address } from './grid';
import type { SheetGrid } from './sheetGrid';
import type { DetectedTable, TableColumn } from './tables';
import { isSourceNoteLabel } from './tables';
import type { ParsedNumber } from './values';

/** A data row of a table with its label and the numbers in its value columns. */
export interface TableRow {
  row: number;
  label: string;
  labelCell: string;
  /** Numbers by sheet column. */
  values: Map<number, ParsedNumber>;
  isTotal: boolean;
  /** A `-` placeholder row (Alingsås investments: a category with no parts). */
  isDash: boolean;
}

const TOTAL_LABEL =
  /^(totalt|total(?![\p{L}])|totala(?![\p{L}])|summa|sa(?![\p{L}])|s:a|s\.a\.?|nettokostnad(er)?(?![\p{L}])|verksamhetens (netto)?kostnader|verksamhetens nettokostnader|resultat(?![\p{L}])|årets resultat|netto(?![\p{L}]))/iu;

/** True for labels that announce a total: `Totalt`, `Summa`, `Sa kostnader`, `Årets resultat`. */
export function isTotalLabel(label: string): boolean {
  return TOTAL_LABEL.test(label.trim());
}

/** Columns that hold amounts (not percent shares, not text). */
export function amountColumns(grid: SheetGrid, table: DetectedTable): TableColumn[] {
  return table.columns.filter((c) => {
    const role = c.header.role;
    if (['risk', 'process', 'direction', 'probability', 'consequence', 'target'].includes(role))
      return false;
    if (c.header.percent) return false;
    let numbers = 0;
    let percents = 0;
    for (const r of table.dataRows) {
      const n = grid.number(r, c.col);
      if (n) {
        numbers++;
        if (n.percent) percents++;
      }
    }
    return numbers > 0 && percents * 2 < numbers;
  });
}

/** The table's data rows with labels and numbers; `Källa:` rows and empty rows are left out. */
export function readRows(
  grid: SheetGrid,
  table: DetectedTable,
  columns: TableColumn[],
): TableRow[] {
  const out: TableRow[] = [];
  for (const r of table.dataRows) {
    const label = grid.text(r, table.labelCol);
    if (isSourceNoteLabel(label)) continue;
    const values = new Map<number, ParsedNumber>();
    for (const c of columns) {
      const n = grid.number(r, c.col);
      if (n) values.set(c.col, n);
    }
    out.push({
      row: r,
      label,
      labelCell: address(r, table.labelCol),
      values,
      isTotal: isTotalLabel(label),
      isDash: /^[-–—]$/.test(label),
    });
  }
  return out;
}

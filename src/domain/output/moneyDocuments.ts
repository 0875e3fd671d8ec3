/**
 * The money tables as the documents print them: Driftredovisning / Ekonomisk sammanställning and
 * Investeringsredovisning with the source's rows in the source's order (its subtotals bold, its
 * grand total last and bold), `Budget 2023 | Bokslut 2023 | Avvikelse | Avvikelse %`, the source's
 * comment column as `Kommentar`; a plan without outcomes with its own columns. Rows are read with
 * the engine's own `readRows`, totals told by its `isTotalLabel`; variances are the report's.
 */
import { parseAddress } from '../grid';
import { findUnit } from '../headers';
import type { Table, Variance } from '../report';
import type { SheetGrid } from '../sheetGrid';
import { amountColumns, readRows, type TableRow } from '../tableRows';
import type { DetectedTable, TableColumn } from '../tables';
import { isPartOfAbove } from '../totals';
import { grandTotal, pairTitle, type BudgetPair } from './budgetPairs';
import { decimalsOf, figureCell, percentOfBudget, textCell, textWidth } from './cells';
import type { DocumentCell, DocumentColumn, DocumentRow, DocumentTable } from './model';
import { cleanHeader, composeTitle, moneyTableName, yearSpan } from './titles';

/** Headers of a source's comment column. */
const COMMENT =
  /^(kommentar|kommentarer|förklaring|orsak|analys|åtgärder?|motivering)(?![\p{L}])/iu;

const SIGN_NOTE = 'Positiv avvikelse = överskott mot budget, negativ = underskott.';

/**
 * The document table of one budget or investment table. With a comparison (`pair`) its columns
 * are the label, budget, actual, Avvikelse and Avvikelse %, the source's other text columns and
 * Kommentar; without one, the source's own amount columns (an investment plan 2024–2027).
 * Amounts are exact, in the table's unit and sign as the source has them; a variance is positive
 * when favourable. Null when the table has no figures.
 *
 * @example moneyDocument(grid, detected, table, pair, 'socialnämnden', 'drift-1').title
 *   // → 'Driftredovisning socialnämnden, bokslut 2023 (tkr)'
 */
export function moneyDocument(
  grid: SheetGrid,
  detected: DetectedTable,
  table: Table,
  pair: BudgetPair | null,
  committee: string | null,
  id: string,
): DocumentTable | null {
  const amounts = amountColumns(grid, detected);
  if (amounts.length === 0) return null;
  const rows = readRows(grid, detected, amounts);
  const kind = table.kind === 'investments' ? 'investeringar' : 'drift';
  const comment = detected.columns.find((c) => COMMENT.test(c.header.text.trim())) ?? null;
  const texts = detected.columns.filter(
    (c) =>
      c !== comment &&
      (c.header.role === 'other' || c.header.role === 'note') &&
      !amounts.includes(c) &&
      holdsText(grid, detected, c),
  );
  const notes: string[] = [];
  const body = rows.filter((r) => {
    // A footnote of the source (`* Avser perioden …`) is printed under the table, not in it.
    if (r.values.size === 0 && /^\*/.test(r.label.trim())) {
      notes.push(r.label.trim());
      return false;
    }
    return r.label.trim() !== '' || r.values.size > 0;
  });
  const labelHeader = labelHeaderOf(detected, kind === 'investeringar' ? 'Projekt' : 'Verksamhet');
  const built = pair
    ? compared(grid, detected, body, pair, labelHeader)
    : asPrinted(detected, body, amounts, labelHeader);
  for (const c of texts) {
    built.columns.push({
      header: cleanHeader(c.header.text),
      kind: 'text',
      width: textWidth(body.map((r) => grid.text(r.row, c.col)).concat([c.header.text]), 10, 24),
    });
  }
  if (comment) built.columns.push({ header: 'Kommentar', kind: 'text', width: 40 });
  const byRow = new Map<number, Variance>();
  for (const v of pair?.variances ?? []) byRow.set(v.row, v);
  body.forEach((r, k) => {
    const row = built.rows[k];
    if (!row) return;
    for (const c of texts) row.cells.push(textCell(grid.text(r.row, c.col)));
    if (comment)
      row.cells.push(textCell(byRow.get(r.row)?.comment ?? grid.text(r.row, comment.col)));
  });
  if (pair) notes.unshift(SIGN_NOTE);
  if (pair?.kind === 'forecast-deviation') {
    notes.push('Prognosen anges som avvikelse mot budget, som i underlaget.');
  }
  const span = yearSpan(
    amounts.filter((c) => c.header.role !== 'adjustment').map((c) => c.header.text),
  );
  return {
    id,
    kind,
    title: pair
      ? pairTitle(pair, committee)
      : composeTitle(moneyTableName(table.kind, table.title, false), committee, span, table.unit),
    unit: table.unit,
    columns: built.columns,
    rows: built.rows,
    notes,
    result: pair ? grandTotal(pair) : null,
    source: { sheet: table.sheet, range: table.range },
  };
}

/** Columns and rows of a table shown by its comparison (the text columns come after). */
function compared(
  grid: SheetGrid,
  detected: DetectedTable,
  body: readonly TableRow[],
  pair: BudgetPair,
  labelHeader: string,
): { columns: DocumentColumn[]; rows: DocumentRow[] } {
  const byRow = new Map<number, Variance>();
  for (const v of pair.variances) byRow.set(v.row, v);
  const first = pair.variances[0];
  const actualCol = first ? parseAddress(first.cell).col : -1;
  const baselineCol = detected.columns.find((c) => c.header.text === pair.baseline)?.col ?? -1;
  const deviation = pair.kind === 'forecast-deviation';
  let decimals = 0;
  for (const r of body) {
    for (const col of [actualCol, baselineCol]) {
      const d = r.values.decimals(col) ?? 0;
      if (d > decimals) decimals = d;
    }
    const v = byRow.get(r.row);
    if (v) {
      const d = decimalsOf(v.variance);
      if (d > decimals) decimals = d;
    }
  }
  if (decimals > 2) decimals = 2;
  const total = grandTotal(pair)?.row ?? lastTotal(body);
  const amount = (value: number | null): DocumentCell =>
    value === null ? { value: null } : decimals > 0 ? { value, decimals } : { value };
  const columns: DocumentColumn[] = [
    { header: labelHeader, kind: 'text', width: labelWidth(body) },
    { header: cleanHeader(pair.baseline), kind: 'amount', width: 13 },
  ];
  if (!deviation) columns.push({ header: actualHeader(pair), kind: 'amount', width: 13 });
  columns.push(
    {
      header: deviation
        ? `Avvikelse ${cleanHeader(pair.actual).toLocaleLowerCase('sv')}`
        : 'Avvikelse',
      kind: 'amount',
      width: 12,
    },
    { header: 'Avvikelse %', kind: 'percent', width: 11 },
  );
  const rows = body.map((r): DocumentRow => {
    const v = byRow.get(r.row);
    const cells: DocumentCell[] = [{ value: r.label.trim() }];
    const printed = (col: number): number | null => {
      const f = r.values.get(col);
      return f ? f.value.toNumber() : null;
    };
    cells.push(amount(v ? v.baselineValue : printed(baselineCol)));
    if (!deviation) cells.push(amount(v ? v.actualValue : printed(actualCol)));
    cells.push(amount(v ? v.variance : null));
    const percent = v ? percentOfBudget(v) : null;
    cells.push(percent === null ? { value: null } : { value: percent, decimals: 1 });
    return {
      style: styleOf(r, total, v !== undefined),
      indent: isPartOfAbove(r.label) ? 1 : 0,
      cells,
      source: { sheet: detected.sheet, row: r.row },
    };
  });
  return { columns, rows };
}

/** The actual column's header, with the budget's year where it names none (`Utfall 2023`). */
function actualHeader(pair: BudgetPair): string {
  const a = cleanHeader(pair.actual);
  if (/(19|20)\d\d/.test(a)) return a;
  const year = /(19|20)\d\d/.exec(pair.baseline)?.[0];
  return year === undefined ? a : `${a} ${year}`;
}

/** Columns and rows of a table without a comparison: its amount columns as printed. */
function asPrinted(
  detected: DetectedTable,
  body: readonly TableRow[],
  amounts: readonly TableColumn[],
  labelHeader: string,
): { columns: DocumentColumn[]; rows: DocumentRow[] } {
  const columns: DocumentColumn[] = [
    { header: labelHeader, kind: 'text', width: labelWidth(body) },
  ];
  for (const c of amounts) {
    const header = cleanHeader(c.header.text);
    columns.push({ header, kind: 'amount', width: header.length + 2 > 13 ? 16 : 13 });
  }
  let last = -1;
  for (const r of body) if (r.isTotal) last = r.row;
  const rows = body.map((r): DocumentRow => ({
    style: styleOf(r, last, r.values.size > 0),
    indent: isPartOfAbove(r.label) ? 1 : 0,
    cells: [{ value: r.label.trim() } as DocumentCell].concat(
      amounts.map((c) => figureCell(r.values.get(c.col))),
    ),
    source: { sheet: detected.sheet, row: r.row },
  }));
  return { columns, rows };
}

/** The row of the table's last total (its grand total), -1 without one. */
function lastTotal(body: readonly TableRow[]): number {
  let last = -1;
  for (const r of body) if (r.isTotal) last = r.row;
  return last;
}

/** A row's place: the grand total, a subtotal, a heading (a label alone), or a line. */
function styleOf(r: TableRow, total: number, hasFigures: boolean): DocumentRow['style'] {
  if (r.row === total) return 'total';
  if (r.isTotal) return 'subtotal';
  if (!hasFigures && r.values.size === 0) return 'heading';
  return 'line';
}

/** The source's header of its label column, unless it only says the unit (`Belopp i tkr`). */
function labelHeaderOf(detected: DetectedTable, fallback: string): string {
  const h = cleanHeader(detected.labelHeader);
  if (h === '' || findUnit(h) !== null || /^\(?\s*belopp/i.test(h)) return fallback;
  return h;
}

function labelWidth(body: readonly TableRow[]): number {
  return textWidth(
    body.map((r) => r.label.trim()),
    22,
    44,
  );
}

/** True when a column's cells hold words (`Ja`, `Nej`, a comment), no figures. */
function holdsText(grid: SheetGrid, detected: DetectedTable, c: TableColumn): boolean {
  let words = 0;
  for (const r of detected.dataRows) {
    if (grid.numberKind(r, c.col) !== 0) return false;
    if (grid.text(r, c.col) !== '') words++;
  }
  return words > 0;
}

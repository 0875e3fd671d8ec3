import { sum, toReportNumber, type Decimal } from './decimal';
import { address } from './grid';
import { problem } from './messages';
import type { Check, Problem } from './report';
import { maxDecimals, valueAt, type TableRow } from './tableRows';
import { judge, roundingTolerance } from './tolerance';
import type { TableColumn } from './tables';

/** One step of the walk down a table: a plain row, or a subtotal with the rows it covers. */
interface Item {
  row: TableRow;
  covered: boolean;
}

interface ColumnVerdict {
  col: number;
  reported: Decimal;
  computed: Decimal;
  verdict: 'ok' | 'rounding' | 'mismatch';
  trivial: boolean;
}

/**
 * Recomputes every total and category row of a table. A total row (`Totalt`, `Summa`, `Sa ...`,
 * `Årets resultat`) is the sum of the run of rows directly above it not yet covered by another
 * total (earlier subtotals count as one row each); the run is the one that agrees in every column
 * at once. A category row (`Reinvestering` above `Inventarier`, `IT-utrustning`, `Transportmedel`)
 * is the sum of the rows under it. Figures that differ beyond rounding are `mismatch` checks at
 * the reported cell.
 */
export function checkTotals(
  sheet: string,
  rows: TableRow[],
  columns: TableColumn[],
  checks: Check[],
  problems: Problem[],
): void {
  const categoryParts = findCategories(sheet, rows, columns, checks);
  const items: Item[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    if (categoryParts.has(row.row)) continue; // already summed into its category row
    if (row.values.size === 0) continue; // section headings, notes
    if (!row.isTotal) {
      items.push({ row, covered: false });
      continue;
    }
    const open = items.filter((it) => !it.covered);
    if (open.length === 0) {
      items.push({ row, covered: false });
      continue;
    }
    const chosen = chooseRun(row, open, columns);
    if (chosen === null) {
      problems.push(problem(sheet, row.labelCell, 'warning', 'total-not-reproduced', { label: row.label }));
    } else {
      for (const v of chosen.verdicts) {
        if (v.verdict === 'ok') continue;
        checks.push(makeCheck(sheet, row, v, 'sum'));
      }
    }
    const coveredCount = chosen ? chosen.k : open.length;
    for (const it of open.slice(open.length - coveredCount)) it.covered = true;
    items.push({ row, covered: false });
  }
}

function verdictsFor(total: TableRow, parts: TableRow[], columns: TableColumn[]): ColumnVerdict[] {
  const out: ColumnVerdict[] = [];
  for (const c of columns) {
    const reportedFig = total.values.get(c.col);
    if (!reportedFig) continue;
    const figs = parts.map((p) => p.values.get(c.col)).filter((f) => f !== undefined);
    if (figs.length === 0) continue;
    const computed = sum(figs.map((f) => f.value));
    const tol = roundingTolerance(figs.length, maxDecimals([...figs, reportedFig]));
    const trivial = reportedFig.value.isZero() && figs.every((f) => f.value.isZero());
    out.push({ col: c.col, reported: reportedFig.value, computed, verdict: judge(reportedFig.value, computed, tol), trivial });
  }
  return out;
}

function score(vs: ColumnVerdict[]): { agree: number; disagree: number } {
  let agree = 0;
  let disagree = 0;
  for (const v of vs) {
    if (v.trivial) continue;
    if (v.verdict === 'mismatch') disagree++;
    else agree++;
  }
  return { agree, disagree };
}

/** Picks how many open items above a total it sums; null when no run can be told. */
function chooseRun(
  total: TableRow,
  open: Item[],
  columns: TableColumn[],
): { k: number; verdicts: ColumnVerdict[] } | null {
  let bestFull: { k: number; verdicts: ColumnVerdict[] } | null = null;
  let bestPartial: { k: number; verdicts: ColumnVerdict[]; agree: number; disagree: number } | null = null;
  for (let k = 1; k <= open.length; k++) {
    const parts = open.slice(open.length - k).map((it) => it.row);
    const vs = verdictsFor(total, parts, columns);
    const s = score(vs);
    if (s.agree > 0 && s.disagree === 0) bestFull = { k, verdicts: vs };
    else if (s.agree > 0 && (bestPartial === null || s.agree > bestPartial.agree)) {
      bestPartial = { k, verdicts: vs, ...s };
    }
  }
  if (bestFull) return bestFull;
  if (bestPartial && bestPartial.agree > bestPartial.disagree) return bestPartial;
  // One figure to check and no run agrees: the whole run above is what a reader sums.
  const nonTrivialColumns = verdictsFor(total, open.map((it) => it.row), columns).filter((v) => !v.trivial);
  if (nonTrivialColumns.length === 1) {
    return { k: open.length, verdicts: nonTrivialColumns };
  }
  return null;
}

/**
 * Finds category rows: a row followed by rows that sum to it. Where the table marks categories
 * without parts with `-` rows, a category's parts run to the next category; elsewhere a category
 * is accepted only when its parts agree in every column.
 */
function findCategories(sheet: string, rows: TableRow[], columns: TableColumn[], checks: Check[]): Set<number> {
  const parts = new Set<number>();
  const hasDashes = rows.some((r) => r.isDash);
  const isCategoryByDash = (i: number): boolean => rows[i + 1]?.isDash === true;
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i];
    if (!head || head.isTotal || head.isDash || head.values.size === 0 || parts.has(head.row)) continue;
    if (isCategoryByDash(i)) continue;
    // The longest run of plain rows under it.
    const run: TableRow[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const r = rows[j];
      if (!r || r.isTotal || r.isDash || r.values.size === 0) break;
      if (hasDashes && isCategoryByDash(j)) break;
      run.push(r);
    }
    if (run.length < 2) continue;
    if (hasDashes) {
      if (!rows.slice(0, i).some((_, k) => isCategoryByDash(k))) continue;
      const vs = verdictsFor(head, run, columns);
      const s = score(vs);
      if (s.agree === 0 || s.agree < s.disagree) continue;
      for (const v of vs) if (v.verdict !== 'ok') checks.push(makeCheck(sheet, head, v, 'sum'));
      for (const r of run) parts.add(r.row);
      continue;
    }
    for (let k = run.length; k >= 2; k--) {
      const vs = verdictsFor(head, run.slice(0, k), columns);
      const s = score(vs);
      if (s.agree >= 2 && s.disagree === 0) {
        for (const v of vs) if (v.verdict !== 'ok') checks.push(makeCheck(sheet, head, v, 'sum'));
        for (const r of run.slice(0, k)) parts.add(r.row);
        break;
      }
    }
  }
  return parts;
}

function makeCheck(sheet: string, row: TableRow, v: ColumnVerdict, kind: Check['kind']): Check {
  const difference = v.reported.minus(v.computed);
  return {
    sheet,
    row: row.row,
    cell: address(row.row, v.col),
    label: row.label,
    kind,
    reported: toReportNumber(v.reported),
    computed: toReportNumber(v.computed),
    difference: toReportNumber(difference),
    severity: v.verdict === 'rounding' ? 'rounding' : 'mismatch',
  };
}


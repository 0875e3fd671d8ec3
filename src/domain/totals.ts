import { sum, toReportNumber, type Decimal } from './decimal';
import { address } from './grid';
import { problem } from './messages';
import type { Check, Problem } from './report';
import { maxDecimals, type TableRow } from './tableRows';
import { judge, roundingTolerance } from './tolerance';
import type { TableColumn } from './tables';

/** A category row sums at most this many rows under it (keeps the search linear in the rows). */
const MAX_CATEGORY_PARTS = 60;

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
 * the reported cell; within rounding, `rounding` checks.
 */
export function checkTotals(
  sheet: string,
  rows: TableRow[],
  columns: TableColumn[],
  checks: Check[],
  problems: Problem[],
): void {
  const categoryParts = findCategories(sheet, rows, columns, checks);
  let open: Item[] = [];
  for (const row of rows) {
    if (categoryParts.has(row.row)) continue; // already summed into its category row
    if (row.values.size === 0) continue; // section headings, notes
    if (!row.isTotal || open.length === 0) {
      const item = { row, covered: false };

      open.push(item);
      continue;
    }
    const chosen = chooseRun(row, open, columns);
    if (chosen === null) {
      problems.push(
        problem(sheet, row.labelCell, 'warning', 'total-not-reproduced', { label: row.label }),
      );
    } else {
      for (const v of chosen.verdicts)
        if (v.verdict !== 'ok') checks.push(makeCheck(sheet, row, v));
    }
    const coveredCount = chosen ? chosen.k : open.length;
    open = open.slice(0, open.length - coveredCount);
    const item = { row, covered: false };

    open.push(item);
  }
}

/** Exact verdicts for a total against a set of part rows. */
function verdictsFor(
  total: TableRow,
  parts: readonly TableRow[],
  columns: TableColumn[],
): ColumnVerdict[] {
  const out: ColumnVerdict[] = [];
  for (const c of columns) {
    const reportedFig = total.values.get(c.col);
    if (!reportedFig) continue;
    const figs = parts.map((p) => p.values.get(c.col)).filter((f) => f !== undefined);
    if (figs.length === 0) continue;
    const computed = sum(figs.map((f) => f.value));
    const tol = roundingTolerance(figs.length, maxDecimals([...figs, reportedFig]));
    const trivial = reportedFig.value.isZero() && figs.every((f) => f.value.isZero());
    out.push({
      col: c.col,
      reported: reportedFig.value,
      computed,
      verdict: judge(reportedFig.value, computed, tol),
      trivial,
    });
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

/**
 * Running float sums over growing runs, to screen candidate runs cheaply (exact decimals decide):
 * for each k, how many non-trivial columns roughly agree and disagree.
 */
function screenRuns(
  total: TableRow,
  partsNearestFirst: readonly TableRow[],
  columns: TableColumn[],
): { agree: number; disagree: number }[] {
  const cols = columns.filter((c) => total.values.has(c.col));
  const sums = cols.map(() => 0);
  const counts = cols.map(() => 0);
  const nonZero = cols.map(() => false);
  const decimals = cols.map((c) => total.values.get(c.col)?.decimals ?? 0);
  const out: { agree: number; disagree: number }[] = [];
  for (const part of partsNearestFirst) {
    let agree = 0;
    let disagree = 0;
    cols.forEach((c, i) => {
      const f = part.values.get(c.col);
      if (f) {
        sums[i] = (sums[i] ?? 0) + f.approx;
        counts[i] = (counts[i] ?? 0) + 1;
        decimals[i] = Math.max(decimals[i] ?? 0, f.decimals);
        if (f.approx !== 0) nonZero[i] = true;
      }
      const reported = total.values.get(c.col)?.approx ?? 0;
      if ((counts[i] ?? 0) === 0) return;
      if (reported === 0 && !nonZero[i]) return; // trivial
      const tol = 0.5 * 10 ** -(decimals[i] ?? 0) * (counts[i] ?? 0) + 1e-9 * Math.abs(reported);
      if (Math.abs(reported - (sums[i] ?? 0)) <= tol + 1e-9) agree++;
      else disagree++;
    });
    out.push({ agree, disagree });
  }
  return out;
}

/** Picks how many open items above a total it sums; null when no run can be told. */
function chooseRun(
  total: TableRow,
  open: Item[],
  columns: TableColumn[],
): { k: number; verdicts: ColumnVerdict[] } | null {
  const nearestFirst = open.map((it) => it.row).reverse();
  const screened = screenRuns(total, nearestFirst, columns);
  const exact = (k: number): { k: number; verdicts: ColumnVerdict[] } => ({
    k,
    verdicts: verdictsFor(total, nearestFirst.slice(0, k), columns),
  });
  // The longest run that agrees everywhere.
  for (let k = screened.length; k >= 1; k--) {
    const s = screened[k - 1];
    if (s && s.agree > 0 && s.disagree === 0) {
      const e = exact(k);
      const es = score(e.verdicts);
      if (es.agree > 0 && es.disagree === 0) return e;
    }
  }
  // Else the run that agrees in most columns, if more agree than not.
  let bestK = 0;
  let best = { agree: 0, disagree: 0 };
  screened.forEach((s, i) => {
    if (s.agree > best.agree) {
      best = s;
      bestK = i + 1;
    }
  });
  if (bestK > 0 && best.agree > best.disagree) {
    const e = exact(bestK);
    const es = score(e.verdicts);
    if (es.agree > es.disagree) return e;
  }
  // One figure to check and no run agrees: the whole run above is what a reader sums.
  const whole = exact(nearestFirst.length);
  const nonTrivial = whole.verdicts.filter((v) => !v.trivial);
  if (nonTrivial.length === 1) return { k: whole.k, verdicts: nonTrivial };
  return null;
}

/**
 * Finds category rows: a row followed by rows that sum to it. Where the table marks categories
 * without parts with `-` rows, a category's parts run to the next category; elsewhere a category
 * is accepted only when its parts agree in every column (at least two of them).
 */
function findCategories(
  sheet: string,
  rows: TableRow[],
  columns: TableColumn[],
  checks: Check[],
): Set<number> {
  const parts = new Set<number>();
  const hasDashes = rows.some((r) => r.isDash);
  const isCategoryByDash = (i: number): boolean => rows[i + 1]?.isDash === true;
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i];
    if (!head || head.isTotal || head.isDash || head.values.size === 0 || parts.has(head.row))
      continue;
    if (hasDashes && isCategoryByDash(i)) continue;
    const run: TableRow[] = [];
    for (let j = i + 1; j < rows.length && run.length < MAX_CATEGORY_PARTS; j++) {
      const r = rows[j];
      if (!r || r.isTotal || r.isDash || r.values.size === 0) break;
      if (hasDashes && isCategoryByDash(j)) break;
      run.push(r);
    }
    if (run.length < 2) continue;
    if (hasDashes) {
      const vs = verdictsFor(head, run, columns);
      const s = score(vs);
      if (s.agree === 0 || s.agree < s.disagree) continue;
      for (const v of vs) if (v.verdict !== 'ok') checks.push(makeCheck(sheet, head, v));
      for (const r of run) parts.add(r.row);
      continue;
    }
    if (!anyRunMatchesFirstColumn(head, run, columns)) continue;
    const screened = screenRuns(head, run, columns);
    for (let k = run.length; k >= 2; k--) {
      const s = screened[k - 1];
      if (!s || s.agree < 2 || s.disagree > 0) continue;
      const vs = verdictsFor(head, run.slice(0, k), columns);
      const es = score(vs);
      if (es.agree >= 2 && es.disagree === 0) {
        for (const v of vs) if (v.verdict !== 'ok') checks.push(makeCheck(sheet, head, v));
        for (const r of run.slice(0, k)) parts.add(r.row);
        break;
      }
    }
  }
  return parts;
}

/** Cheap screen: does any run of two or more rows add up to the head in its first non-zero column? */
function anyRunMatchesFirstColumn(
  head: TableRow,
  run: readonly TableRow[],
  columns: TableColumn[],
): boolean {
  let col = -1;
  let target = 0;
  for (const c of columns) {
    const f = head.values.get(c.col);
    if (f && f.approx !== 0) {
      col = c.col;
      target = f.approx;
      break;
    }
  }
  if (col < 0) return false;
  let acc = 0;
  let n = 0;
  for (const r of run) {
    const f = r.values.get(col);
    if (f) {
      acc += f.approx;
      n++;
    }
    if (n >= 2 && Math.abs(acc - target) <= 0.5 * n + 1e-9 * Math.abs(target)) return true;
  }
  return false;
}

function makeCheck(sheet: string, row: TableRow, v: ColumnVerdict): Check {
  return {
    sheet,
    row: row.row,
    cell: address(row.row, v.col),
    label: row.label,
    kind: 'sum',
    reported: toReportNumber(v.reported),
    computed: toReportNumber(v.computed),
    difference: toReportNumber(v.reported.minus(v.computed)),
    severity: v.verdict === 'rounding' ? 'rounding' : 'mismatch',
  };
}

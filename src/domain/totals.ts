import { compareSum, type Comparison } from './compare';
import { address } from './grid';
import { problem } from './messages';
import type { Check, Problem } from './report';
import type { TableRow } from './tableRows';
import type { TableColumn } from './tables';

/** A category row sums at most this many rows under it (keeps the search linear in the rows). */
const MAX_CATEGORY_PARTS = 60;

interface ColumnVerdict extends Comparison {
  col: number;
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
  /** Rows (and earlier totals) not yet covered by a total, top to bottom. */
  const open: TableRow[] = [];
  for (const row of rows) {
    if (categoryParts.has(row.row)) continue; // already summed into its category row
    if (row.values.size === 0) continue; // section headings, notes
    if (!row.isTotal || open.length === 0) {
      open.push(row);
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
    open.length -= coveredCount; // in place: copying the open list per total would be quadratic
    open.push(row); // the total stands for the rows it covered
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
    const cmp = compareSum(reportedFig, figs);
    const trivial = cmp.reported === 0 && figs.every((f) => f.approx === 0);
    out.push({ col: c.col, ...cmp, trivial });
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
  count: number,
  partAt: (k: number) => TableRow | undefined,
  columns: TableColumn[],
): Screen[] {
  const cols: number[] = [];
  const reported: number[] = [];
  for (const c of columns) {
    const f = total.values.get(c.col);
    if (f) {
      cols.push(c.col);
      reported.push(f.approx);
    }
  }
  const n = cols.length;
  const sums = new Float64Array(n);
  const counts = new Int32Array(n);
  const nonZero = new Uint8Array(n);
  const decimals = new Int32Array(n);
  for (let i = 0; i < n; i++) decimals[i] = total.values.get(cols[i] ?? 0)?.decimals ?? 0;
  const out: Screen[] = [];
  let agreedExactly = false;
  for (let k = 0; k < count; k++) {
    const part = partAt(k);
    if (!part) break;
    // Stop at the first row with a figure after an exact agreement (keeps the walk over earlier
    // subtotals from growing quadratically).
    if (agreedExactly && part.values.firstNonZero()) break;
    let agree = 0;
    let disagree = 0;
    let gap = 0;
    for (let i = 0; i < n; i++) {
      const col = cols[i] ?? 0;
      const approx = part.values.approx(col);
      if (approx !== undefined) {
        sums[i] = (sums[i] ?? 0) + approx;
        counts[i] = (counts[i] ?? 0) + 1;
        const shown = part.values.decimals(col) ?? 0;
        if (shown > (decimals[i] ?? 0)) decimals[i] = shown;
        if (approx !== 0) nonZero[i] = 1;
      }
      const count = counts[i] ?? 0;
      const rep = reported[i] ?? 0;
      if (count === 0 || (rep === 0 && nonZero[i] === 0)) continue; // nothing, or trivial
      const tol = 0.5 * 10 ** -(decimals[i] ?? 0) * count + 1e-9 * (1 + Math.abs(rep));
      const diff = Math.abs(rep - (sums[i] ?? 0));
      gap += diff;
      if (diff <= tol) agree++;
      else disagree++;
    }
    out.push({ agree, disagree, gap });
    // Past a run that agrees exactly, only zero rows can extend it.
    if (agree > 0 && disagree === 0 && gap <= 1e-6) agreedExactly = true;
  }
  return out;
}

/** How a run of k rows fares against a total: columns agreeing, disagreeing, summed gap. */
interface Screen {
  agree: number;
  disagree: number;
  gap: number;
}

/** Picks how many open items above a total it sums; null when no run can be told. */
function chooseRun(
  total: TableRow,
  open: readonly TableRow[],
  columns: TableColumn[],
): { k: number; verdicts: ColumnVerdict[] } | null {
  const nearest = (k: number): TableRow | undefined => open[open.length - 1 - k];
  const screened = screenRuns(total, open.length, nearest, columns);
  const exact = (k: number): { k: number; verdicts: ColumnVerdict[] } => ({
    k,
    verdicts: verdictsFor(total, open.slice(open.length - k), columns),
  });
  // Of the runs that agree everywhere, the closest; of equally close ones, the longest (zero rows
  // above an exact run belong to it). Rounding allows more the longer the run, so "longest" alone
  // would take in a small line that fits within the allowance.
  const agreeing: { gap: number; k: number }[] = [];
  for (let i = 0; i < screened.length; i++) {
    const s = screened[i];
    if (s && s.agree > 0 && s.disagree === 0) agreeing.push({ gap: s.gap, k: i + 1 });
  }
  agreeing.sort((a, b) => (Math.abs(a.gap - b.gap) > 1e-6 ? a.gap - b.gap : b.k - a.k));
  for (const s of agreeing) {
    const e = exact(s.k);
    const es = score(e.verdicts);
    if (es.agree > 0 && es.disagree === 0) return e;
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
  const whole = exact(open.length);
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
  const screen = new PrefixScreen(rows, columns);
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i];
    if (!head || head.isTotal || head.isDash || head.values.size === 0 || parts.has(head.row))
      continue;
    if (hasDashes && isCategoryByDash(i)) continue;
    if (!hasDashes && !screen.anyRunMatches(i)) continue;
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
    const screened = screenRuns(head, run.length, (k) => run[k], columns);
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

/**
 * Cheap screen for category rows, linear in the rows: prefix sums (floats) per column, and where
 * each run of plain rows ends. Does any run of 2..60 rows right under row `i` add up to it in its
 * first non-zero column? Exact decimals then decide.
 */
class PrefixScreen {
  private readonly sums: Float64Array[];
  private readonly counts: Int32Array[];
  /** For each row index, the first index at or after it that ends a run of plain rows. */
  private readonly stop: Int32Array;

  constructor(
    private readonly rows: readonly TableRow[],
    private readonly columns: readonly TableColumn[],
  ) {
    const n = rows.length;
    this.sums = columns.map(() => new Float64Array(n + 1));
    this.counts = columns.map(() => new Int32Array(n + 1));
    columns.forEach((c, k) => {
      const sums = this.sums[k] ?? new Float64Array(n + 1);
      const counts = this.counts[k] ?? new Int32Array(n + 1);
      for (let j = 0; j < n; j++) {
        const f = rows[j]?.values.approx(c.col);
        sums[j + 1] = (sums[j] ?? 0) + (f ?? 0);
        counts[j + 1] = (counts[j] ?? 0) + (f === undefined ? 0 : 1);
      }
    });
    this.stop = new Int32Array(n + 1);
    this.stop[n] = n;
    for (let j = n - 1; j >= 0; j--) {
      const r = rows[j];
      const breaks = !r || r.isTotal || r.isDash || r.values.size === 0;
      this.stop[j] = breaks ? j : (this.stop[j + 1] ?? n);
    }
  }

  anyRunMatches(i: number): boolean {
    const head = this.rows[i];
    if (!head) return false;
    const k = this.columns.findIndex((c) => (head.values.approx(c.col) ?? 0) !== 0);
    const sums = this.sums[k];
    const counts = this.counts[k];
    if (k < 0 || !sums || !counts) return false;
    const target = head.values.approx(this.columns[k]?.col ?? 0) ?? 0;
    const from = i + 1;
    const end = Math.min(this.stop[from] ?? from, from + MAX_CATEGORY_PARTS);
    const base = sums[from] ?? 0;
    const baseCount = counts[from] ?? 0;
    for (let j = from + 2; j <= end; j++) {
      const n = (counts[j] ?? 0) - baseCount;
      if (n < 2) continue;
      const acc = (sums[j] ?? 0) - base;
      if (Math.abs(acc - target) <= 0.5 * n + 1e-9 * (1 + Math.abs(target))) return true;
    }
    return false;
  }
}

function makeCheck(sheet: string, row: TableRow, v: ColumnVerdict): Check {
  return {
    sheet,
    row: row.row,
    cell: address(row.row, v.col),
    label: row.label,
    kind: 'sum',
    reported: v.reported,
    computed: v.computed,
    difference: v.difference,
    severity: v.verdict === 'rounding' ? 'rounding' : 'mismatch',
  };
}

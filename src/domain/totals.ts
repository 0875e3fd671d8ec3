import { compareSum, type Comparison } from './compare';
import { address } from './grid';
import { problem } from './messages';
import type { Check, Problem } from './report';
import type { TableRow } from './tableRows';
import type { TableColumn } from './tables';
import { newCoverage, type Coverage } from './coverage';

/** A category row sums at most this many rows under it (keeps the search linear in the rows). */
const MAX_CATEGORY_PARTS = 60;

interface ColumnVerdict extends Comparison {
  col: number;
  trivial: boolean;
}

/**
 * Recomputes every total and category row of a table. A total row (`Totalt`, `Summa`, `Sa ...`,
 * `Årets resultat`) is the sum of the run of rows directly above it not yet covered by another
 * total (earlier subtotals count as one row each). Which run is decided on all its columns
 * together: the run that agrees in every column; else the one that agrees in the most; where no
 * run agrees anywhere, the whole run since the previous total or heading, which is what a reader
 * adds up. One wrong column never hides the check: every column that then disagrees beyond
 * rounding is a `mismatch` at its own cell. A category row (`Reinvestering` above `Inventarier`,
 * `IT-utrustning`, `Transportmedel`; a `Netto` at the top of its table) is the sum of the rows
 * under it. `varav` rows are parts of the row above them and in no sum. Every figure compared is
 * counted in `coverage.recomputed`; a total that cannot be placed in `coverage.notRecomputed`.
 */
export function checkTotals(
  sheet: string,
  allRows: TableRow[],
  columns: TableColumn[],
  out: { checks: Check[]; problems: Problem[] },
  coverage: Coverage,
): void {
  const rows = allRows.filter((r) => !isPartOfAbove(r.label));
  const categories: Reading = { checks: [], problems: [], coverage: newCoverage() };
  const categoryParts = findCategories(
    sheet,
    rows,
    columns,
    categories.checks,
    categories.coverage,
  );
  let reading = readTotals(sheet, rows, columns, categoryParts);
  // Of two readings, the one in which more printed figures agree (ties: the categories, found by
  // their arithmetic): rows that happen to add up to the row above them are no category where the
  // totals below then fail to add up.
  if (categoryParts.size > 0) {
    const withCategories = merge(categories, reading);
    const flat = readTotals(sheet, rows, columns, new Set());
    reading = agreement(flat) > agreement(withCategories) ? flat : withCategories;
  }
  // Loops, not spreads: a table of 100 000 lines can hold more checks than a call takes arguments.
  for (const c of reading.checks) out.checks.push(c);
  for (const p of reading.problems) out.problems.push(p);
  coverage.recomputed += reading.coverage.recomputed;
  coverage.notRecomputed += reading.coverage.notRecomputed;
}

/** The checks, problems and coverage of one reading of a table's totals. */
interface Reading {
  checks: Check[];
  problems: Problem[];
  coverage: Coverage;
}

function merge(a: Reading, b: Reading): Reading {
  return {
    checks: [...a.checks, ...b.checks],
    problems: [...a.problems, ...b.problems],
    coverage: {
      recomputed: a.coverage.recomputed + b.coverage.recomputed,
      notRecomputed: a.coverage.notRecomputed + b.coverage.notRecomputed,
    },
  };
}

/** Figures that agree, less those that do not (a total that cannot be placed counts against). */
function agreement(r: Reading): number {
  let mismatches = 0;
  for (const c of r.checks) if (c.severity === 'mismatch') mismatches++;
  return r.coverage.recomputed - 2 * mismatches - r.coverage.notRecomputed;
}

/** The total rows of a table read over its lines, with the category parts already summed. */
function readTotals(
  sheet: string,
  rows: TableRow[],
  columns: TableColumn[],
  categoryParts: ReadonlySet<number>,
): Reading {
  const reading: Reading = { checks: [], problems: [], coverage: newCoverage() };
  const { checks, problems, coverage } = reading;
  /** Rows (and earlier totals) not yet covered by a total, top to bottom. */
  const open: TableRow[] = [];
  /** Where the run since the last heading starts in `open`. */
  let since = 0;
  for (const row of rows) {
    if (categoryParts.has(row.row)) continue; // already summed into its category row
    if (row.values.size === 0) {
      since = open.length; // a section heading starts a new run
      continue;
    }
    if (!row.isTotal || open.length === 0) {
      open.push(row);
      continue;
    }
    const chosen = chooseRun(
      row,
      open,
      Math.min(since, open.length),
      columns,
      isWeakTotal(row.label),
    );
    if (chosen === 'line') {
      open.push(row);
      continue;
    }
    if (chosen === null) {
      problems.push(
        problem(sheet, row.labelCell, 'warning', 'total-not-reproduced', { label: row.label }),
      );
      coverage.notRecomputed += row.values.size;
    } else {
      for (const v of chosen.verdicts) {
        if (!v.trivial) coverage.recomputed++;
        if (v.verdict !== 'ok') checks.push(makeCheck(sheet, row, v));
      }
    }
    const coveredCount = chosen ? chosen.k : open.length;
    open.length -= coveredCount; // in place: copying the open list per total would be quadratic
    if (since > open.length) since = open.length;
    open.push(row); // the total stands for the rows it covered
  }
  return reading;
}

/** `varav` and `därav` rows (`- varav lönekostnader`) are parts of the row above, never lines of a total. */
export function isPartOfAbove(label: string): boolean {
  return /^[\s\-–—•*]*(varav|därav)(?![\p{L}])/iu.test(label);
}

/** A label that announces a plain sum of the rows above: `Summa`, `Totalt`, `S:a`, `Sa`. */
function announcesSum(label: string): boolean {
  const t = label.trim();
  return (
    /^(totalt|total|totala|summa|s:a|sa|s\.a\.?|hela)(?![\p{L}])/iu.test(t) ||
    /[\s,]+(totalt|total|summa)\s*:?$/iu.test(t)
  );
}

/**
 * Words that make a total only where the rows above add up to it (`Verksamhetens kostnader` over
 * cost lines, `Netto`, `Nettokostnad`, `Finansnetto`); elsewhere such a row is a line of its own,
 * as `Verksamhetens kostnader` is in a resultaträkning under `Verksamhetens intäkter`.
 */
function isWeakTotal(label: string): boolean {
  // The whole label: `Netto från löpande verksamhet` closes its section as surely as `Summa`.
  return /^(verksamhetens kostnader|nettokostnad(er)?|netto|finansnetto|resultat)\s*:?$/iu.test(
    label.trim(),
  );
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
  // The rounding allowance per column: half a unit of each part's last digit, and of the total's
  // own where it shows fewer decimals than a part.
  const allowed = new Float64Array(n);
  const totalDecimals = new Int32Array(n);
  const finest = new Int32Array(n);
  for (let i = 0; i < n; i++) totalDecimals[i] = total.values.decimals(cols[i] ?? 0) ?? 0;
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
        allowed[i] = (allowed[i] ?? 0) + 0.5 * 10 ** -shown;
        if (shown > (finest[i] ?? 0)) finest[i] = shown;
        if (approx !== 0) nonZero[i] = 1;
      }
      const count = counts[i] ?? 0;
      const rep = reported[i] ?? 0;
      if (count === 0 || (rep === 0 && nonZero[i] === 0)) continue; // nothing, or trivial
      const own =
        (totalDecimals[i] ?? 0) < (finest[i] ?? 0) ? 0.5 * 10 ** -(totalDecimals[i] ?? 0) : 0;
      const tol = (allowed[i] ?? 0) + own + 1e-9 * (1 + Math.abs(rep));
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

/**
 * Picks how many open items above a total it sums: the closest run that agrees in every column,
 * else the run that agrees in the most columns (the longer of equals), else the whole run since
 * the previous total or heading (`since`). A weak total that no run mostly agrees with is a
 * `line`. Null when there is nothing to sum.
 */
function chooseRun(
  total: TableRow,
  open: readonly TableRow[],
  since: number,
  columns: TableColumn[],
  weak: boolean,
): { k: number; verdicts: ColumnVerdict[] } | 'line' | null {
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
  // Else the run that agrees in most columns; of equals, the longer (what a reader adds up).
  let bestK = 0;
  let best = { agree: 0, disagree: 0 };
  screened.forEach((s, i) => {
    if (s.agree > 0 && s.agree >= best.agree) {
      best = s;
      bestK = i + 1;
    }
  });
  if (bestK > 0 && (!weak || best.agree > best.disagree)) {
    const e = exact(bestK);
    const es = score(e.verdicts);
    if (es.agree > 0 && (!weak || es.agree > es.disagree)) return e;
  }
  if (weak) return 'line';
  // No run agrees anywhere: the run since the previous total or heading is what a reader adds up
  // under a word that announces a sum (`Summa`, `Totalt`), or under any total of one figure. A
  // result line that agrees with nothing in any of its columns (`Årets resultat exkl.
  // jämförelsestörande poster`) is more likely no sum than wrong everywhere: it is said, not
  // reported as mismatches.
  const figures = verdictsFor(total, open.slice(since), columns).filter((v) => !v.trivial).length;
  if (!announcesSum(total.label) && figures > 1) return null;
  const k = open.length - since > 0 ? open.length - since : open.length;
  return k > 0 ? exact(k) : null;
}

/**
 * Finds category rows: a row followed by rows that sum to it. Where the table marks categories
 * without parts with `-` rows, a category's parts run to the next category; elsewhere a category
 * is accepted when its parts agree in most of its columns, at least two (so one wrong figure in a
 * part or in the category is a mismatch, not a category lost). A total-worded row with nothing
 * above it (`Netto` at the top, its parts under it) is such a category too.
 */
function findCategories(
  sheet: string,
  rows: TableRow[],
  columns: TableColumn[],
  checks: Check[],
  coverage: Coverage,
): Set<number> {
  const parts = new Set<number>();
  const hasDashes = rows.some((r) => r.isDash);
  const isCategoryByDash = (i: number): boolean => rows[i + 1]?.isDash === true;
  const screen = new PrefixScreen(rows, columns);
  const record = (head: TableRow, vs: ColumnVerdict[], run: readonly TableRow[]): void => {
    for (const v of vs) {
      if (!v.trivial) coverage.recomputed++;
      if (v.verdict !== 'ok') checks.push(makeCheck(sheet, head, v));
    }
    for (const r of run) parts.add(r.row);
  };
  let figuresAbove = false;
  for (let i = 0; i < rows.length; i++) {
    const head = rows[i];
    if (!head) continue;
    const first = !figuresAbove;
    if (head.values.size === 0) {
      figuresAbove = false; // a heading: what follows starts afresh
      continue;
    }
    figuresAbove = true;
    const totalOnTop = head.isTotal && first;
    if ((head.isTotal && !totalOnTop) || head.isDash || parts.has(head.row)) continue;
    if (hasDashes && isCategoryByDash(i)) {
      // A `-` line under a category is its one part (a category with nothing under it yet).
      const dash = rows[i + 1];
      if (dash) record(head, verdictsFor(head, [dash], columns), [dash]);
      continue;
    }
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
      // The layout marks its categories (`-` under the empty ones): a row whose parts agree
      // exactly in one column is a category, and its other columns may hold errors.
      const vs = verdictsFor(head, run, columns);
      if (!vs.some((v) => !v.trivial && v.verdict === 'ok')) continue;
      record(head, vs, run);
      continue;
    }
    const screened = screenRuns(head, run.length, (k) => run[k], columns);
    // The longest run that agrees everywhere (in two columns at least); else the longest that
    // agrees in most columns. A row is a category only by its arithmetic, so one exact column is
    // not enough (linked columns make such coincidences common), unless its words say it is a
    // total (`Netto` on top), where the others may then hold an error.
    let chosen: { k: number; vs: ColumnVerdict[] } | null = null;
    for (const strict of [true, false]) {
      for (let k = run.length; k >= 2 && !chosen; k--) {
        const s = screened[k - 1];
        if (!s || s.agree < (totalOnTop ? 1 : 2)) continue;
        if (strict ? s.disagree > 0 : !totalOnTop && s.disagree >= s.agree) continue;
        const vs = verdictsFor(head, run.slice(0, k), columns);
        const es = score(vs);
        const exactly = vs.some((v) => !v.trivial && v.verdict === 'ok');
        const accepted = strict
          ? es.agree >= (totalOnTop ? 1 : 2) && es.disagree === 0
          : totalOnTop
            ? exactly
            : es.agree >= 2 && es.disagree < es.agree;
        // A row equal to one line and zeros is no category: two parts must carry figures.
        const carrying = run.slice(0, k).filter((r) => r.values.firstNonZero()).length;
        if (accepted && carrying >= 2) chosen = { k, vs };
      }
      if (chosen) break;
    }
    if (chosen) record(head, chosen.vs, run.slice(0, chosen.k));
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
    // The first two columns with a figure: a wrong figure in one of them must not hide the
    // category, and screening every column would cost a pass per column over every row.
    let tried = 0;
    for (let k = 0; k < this.columns.length && tried < 2; k++) {
      const target = head.values.approx(this.columns[k]?.col ?? 0) ?? 0;
      if (target === 0) continue;
      tried++;
      if (this.runMatches(i, k, target)) return true;
    }
    return false;
  }

  private runMatches(i: number, k: number, target: number): boolean {
    const sums = this.sums[k];
    const counts = this.counts[k];
    if (!sums || !counts) return false;
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

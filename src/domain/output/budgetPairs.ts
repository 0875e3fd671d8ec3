/**
 * Which comparison of a budget table the documents show, its grand total, and what a controller
 * looks for first: the committee's result against budget per table, then the largest
 * unfavourable variances by amount, lines apart from totals, operating apart from investments.
 * From the report alone, so every door (CLI, pane) says the same.
 */
import { tableFinder } from '../goalOutline';
import type { Report, Table, Unit, Variance, VarianceKind } from '../report';
import { isTotalLabel } from '../tableRows';
import { passesVarianceThreshold } from '../varianceThreshold';
import { composeTitle, moneyTableName, periodOf } from './titles';

/** One comparison of a table: an actual column against a budget column, and its rows' variances. */
export interface BudgetPair {
  table: Table;
  baseline: string;
  actual: string;
  kind: VarianceKind;
  /** The pair's variances in the table's row order. */
  variances: Variance[];
}

/**
 * The comparison each budget or investment table is shown by: of the pairs the engine computed,
 * the one whose variance the document prints on most rows (its own comparison), then a full-year
 * outcome before a forecast (a bokslut's figure is final), then the first.
 *
 * @example budgetPairs(aleReport)[0] // → { baseline: 'Budget 2023', actual: 'Prognos 2023', … }
 */
export function budgetPairs(report: Report): BudgetPair[] {
  const byTable = new Map<Table, Map<string, BudgetPair>>();
  // Ranges parsed once, not once per variance: at 100 000 rows that was most of the summary's time.
  const tableAt = tableFinder(report.tables);
  let last: BudgetPair | null = null;
  for (const v of report.variances) {
    const table = tableAt(v.sheet, v.row);
    if (!table || (table.kind !== 'budget' && table.kind !== 'investments')) continue;
    // A table's variances come pair after pair: the last pair is asked first.
    if (last !== null && last.table === table && samePair(last, v)) {
      last.variances.push(v);
      continue;
    }
    let pairs = byTable.get(table);
    if (!pairs) byTable.set(table, (pairs = new Map<string, BudgetPair>()));
    const key = `${v.kind}\u0000${v.baseline}\u0000${v.actual}`;
    last = pairs.get(key) ?? null;
    if (last) last.variances.push(v);
    else {
      last = { table, baseline: v.baseline, actual: v.actual, kind: v.kind, variances: [v] };
      pairs.set(key, last);
    }
  }
  const out: BudgetPair[] = [];
  for (const table of report.tables) {
    const pairs = byTable.get(table);
    if (!pairs) continue;
    let best: BudgetPair | null = null;
    for (const p of pairs.values()) if (best === null || better(p, best)) best = p;
    if (best) out.push({ ...best, variances: best.variances.sort((a, b) => a.row - b.row) });
  }
  return out;
}

function samePair(p: BudgetPair, v: Variance): boolean {
  return p.kind === v.kind && p.baseline === v.baseline && p.actual === v.actual;
}

function better(a: BudgetPair, b: BudgetPair): boolean {
  const printed = (p: BudgetPair): number => p.variances.filter((v) => v.reported !== null).length;
  if (printed(a) !== printed(b)) return printed(a) > printed(b);
  const final = (p: BudgetPair): boolean =>
    /utfall|bokslut|redovisning/i.test(p.actual) && !/prognos/i.test(p.actual);
  return final(a) && !final(b);
}

/**
 * The pair's grand total: its last row labelled as a total (`Totalt`, `Summa`, `Resultat`,
 * `Årets resultat`, `Nettokostnader`), or null when the table has none (nothing is summed here).
 */
export function grandTotal(pair: BudgetPair): Variance | null {
  for (let i = pair.variances.length - 1; i >= 0; i--) {
    const v = pair.variances[i];
    if (v && isTotalLabel(v.label)) return v;
  }
  return null;
}

/** The title of a pair's document table: `Driftredovisning socialnämnden, bokslut 2023 (tkr)`. */
export function pairTitle(pair: BudgetPair, committee: string | null): string {
  return composeTitle(
    moneyTableName(pair.table.kind, pair.table.title, true),
    committee,
    periodOf(pair.actual, pair.baseline),
    pair.table.unit,
  );
}

/** The committee's result of one table: its grand total's variance (null without a total row). */
export interface BudgetResult {
  pair: BudgetPair;
  title: string;
  result: Variance | null;
}

/** Unfavourable variances beyond the threshold, largest amount first. */
export interface UnfavourableVariances {
  /** Rows that are not totals. */
  lines: Variance[];
  /** Totals and subtotals. */
  totals: Variance[];
}

export interface MoneySummary {
  /** One per budget and investment table with a variance, in the workbook's order. */
  results: BudgetResult[];
  operating: UnfavourableVariances;
  investments: UnfavourableVariances;
}

/**
 * What the summary leads with: each table's result against budget (its grand total's variance,
 * positive = överskott, in the table's unit), then the unfavourable variances beyond
 * `thresholdPercent` (`passesVarianceThreshold`), largest amount first compared in kronor (1 mnkr
 * outweighs 900 tkr), lines apart from totals, operating apart from investments.
 *
 * @example moneySummary(aleReport, { thresholdPercent: 1, committee: 'socialnämnden' })
 *   .results[0].result?.variance // → -7000 (Prognos 2023 against Budget 2023, Totalt)
 */
export function moneySummary(
  report: Report,
  options: { thresholdPercent: number; committee: string | null },
): MoneySummary {
  const pairs = budgetPairs(report);
  const summary: MoneySummary = {
    results: pairs.map((pair) => ({
      pair,
      title: pairTitle(pair, options.committee),
      result: grandTotal(pair),
    })),
    operating: { lines: [], totals: [] },
    investments: { lines: [], totals: [] },
  };
  for (const pair of pairs) {
    const into = pair.table.kind === 'investments' ? summary.investments : summary.operating;
    for (const v of pair.variances) {
      if (!passesVarianceThreshold(v, options.thresholdPercent)) continue;
      (isTotalLabel(v.label) ? into.totals : into.lines).push(v);
    }
  }
  for (const group of [summary.operating, summary.investments]) {
    group.lines.sort(byAmount);
    group.totals.sort(byAmount);
  }
  return summary;
}

/** Most unfavourable first, in kronor. */
function byAmount(a: Variance, b: Variance): number {
  return inKronor(a.variance, a.unit) - inKronor(b.variance, b.unit);
}

function inKronor(value: number, unit: Unit | null): number {
  return unit === 'mnkr' ? value * 1e6 : unit === 'tkr' ? value * 1e3 : value;
}

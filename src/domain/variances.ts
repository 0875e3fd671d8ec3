/**
 * Budget variances of a budget or investment table, positive = favourable, with every printed
 * variance recomputed where a pair reproduces it. The pairs are found in `variancePairs.ts`, the
 * sign convention in `signConvention.ts`, printed deviations in `forecastDeviations.ts`.
 */
import { address } from './grid';
import { problem } from './messages';
import type { Check, Problem, SignConvention, Variance } from './report';
import type { TableRow } from './tableRows';
import type { ParsedNumber } from './values';
import { compareSigned } from './compare';
import type { DetectedTable, TableColumn } from './tables';
import type { Coverage } from './coverage';
import { isDeviationColumn, isForecastDeviation, reportDeviations } from './forecastDeviations';
import { budgetSignConvention, signConvention } from './signConvention';
import { numberOf, varianceOf, yearOf } from './varianceMath';
import {
  choosePairs,
  equalOnEveryRow,
  findPairs,
  pairsFromPrintedVariances,
} from './variancePairs';

/** A printed variance column and the budget it is measured against (for its percent column). */
export interface PrintedPair {
  variance: TableColumn;
  baseline: TableColumn;
}

/**
 * Computes the budget variances of a budget or investment table and checks any printed variance
 * column against them. Variances are in the table's unit, positive = favourable. Counts every
 * printed variance it recomputed, and every one it could not, in `coverage`.
 * Example: Mellerud's `Intäkter`, Bokslut −71 602 against Budget −62 289, costs positive →
 * variance 9 313 (printed 9 314: rounding).
 */
export function analyseVariances(
  table: DetectedTable,
  rows: TableRow[],
  out: { variances: Variance[]; checks: Check[]; problems: Problem[] },
  coverage: Coverage,
  printedPairs: PrintedPair[] = [],
  commentOf: (row: number) => string | null = () => null,
): SignConvention | null {
  const deviations = new Set<number>();
  const budgets = table.columns.filter((c) => c.header.role === 'budget');
  const printed = table.columns.filter((c) => c.header.role === 'variance');
  for (const f of table.columns.filter((c) => c.header.role === 'forecast')) {
    const b = budgets.find((x) => yearOf(x) === yearOf(f) && x.group === f.group) ?? budgets[0];
    if (b && isDeviationColumn(rows, f, b, printed)) {
      deviations.add(f.col);
      out.problems.push(
        problem(table.sheet, f.headerCell, 'info', 'forecast-deviation-column', {
          header: f.header.text,
        }),
      );
    }
  }
  let pairs = findPairs(table, deviations);
  pairs = [...pairs, ...pairsFromPrintedVariances(table, rows, pairs, deviations, out.problems)];
  const unclaimed = printed.filter(
    (v) => !v.header.percent && !pairs.some((p) => p.reported?.col === v.col),
  );
  // A printed deviation with no forecast amount beside it is the forecast's variance itself.
  for (const f of table.columns.filter((c) => deviations.has(c.col))) {
    const budget = reportDeviations(table, rows, f, budgets, out.variances, commentOf);
    if (budget) printedPairs.push({ variance: f, baseline: budget });
  }
  for (const v of unclaimed) {
    if (isForecastDeviation(table, v)) {
      const budget = reportDeviations(table, rows, v, budgets, out.variances, commentOf);
      if (budget) printedPairs.push({ variance: v, baseline: budget });
    } else notReproduced(table, rows, v, out.problems, coverage);
  }

  if (pairs.length === 0) {
    return table.kind === 'investments' ? 'costs-positive' : budgetSignConvention(table, rows);
  }
  let convention =
    table.kind === 'investments' && !pairs.some((p) => p.reported)
      ? 'costs-positive'
      : signConvention(table, rows, pairs, out.problems);
  // Where actual equals budget on every row, every variance is 0 whatever the convention: compute
  // them, but say no convention (there is none to tell).
  const immaterial = !convention && pairs.every((p) => equalOnEveryRow(rows, p));
  if (!convention && !immaterial) {
    out.problems.push(
      problem(
        table.sheet,
        table.columns[0]?.headerCell ?? null,
        'warning',
        'unknown-sign-convention',
      ),
    );
    for (const p of pairs) if (p.reported) notReproduced(table, rows, p.reported, [], coverage);
    return null;
  }
  const applied: SignConvention = convention ?? 'costs-negative';
  // Where several budgets fit one actual, keep the one its printed variance reproduces.
  pairs = choosePairs(pairs, rows, applied);
  for (const p of pairs) {
    if (p.reported) printedPairs.push({ variance: p.reported, baseline: p.baseline });
  }
  for (const p of pairs) {
    for (const r of rows) {
      if (r.isDash) continue;
      const a = r.values.get(p.actual.col);
      const b = r.values.get(p.baseline.col);
      const rep = p.reported ? r.values.get(p.reported.col) : undefined;
      if (!a || !b) {
        if (rep) coverage.notRecomputed++;
        continue;
      }
      const v = varianceOf(a, b, applied);
      if (!Number.isFinite(v.number)) {
        // Past what a report number can hold (±1,8 × 10^308): said, never written as Infinity.
        out.problems.push(
          problem(table.sheet, address(r.row, p.actual.col), 'warning', 'figure-too-large', {
            label: r.label,
          }),
        );
        continue;
      }
      let check: Variance['check'] = null;
      if (rep) {
        const terms: [ParsedNumber, 1 | -1][] =
          applied === 'costs-negative'
            ? [
                [a, 1],
                [b, -1],
              ]
            : [
                [b, 1],
                [a, -1],
              ];
        const cmp = compareSigned(rep, terms);
        coverage.recomputed++;
        check = cmp.verdict;
        if (check !== 'ok' && p.reported) {
          out.checks.push({
            sheet: table.sheet,
            row: r.row,
            cell: address(r.row, p.reported.col),
            label: r.label,
            kind: 'variance',
            reported: cmp.reported,
            computed: cmp.computed,
            difference: cmp.difference,
            severity: check,
          });
        }
      }
      out.variances.push({
        sheet: table.sheet,
        row: r.row,
        cell: address(r.row, p.actual.col),
        label: r.label,
        baseline: p.baseline.header.text,
        actual: p.actual.header.text,
        baselineValue: numberOf(b),
        actualValue: numberOf(a),
        variance: v.number,
        variancePercent: v.percent,
        unit: table.unit,
        reported: rep ? numberOf(rep) : null,
        check,
        kind: 'budget',
        comment: commentOf(r.row),
      });
    }
  }
  convention = immaterial ? null : applied;
  return convention;
}

/** A printed variance column no pair reproduces: said once at its header, its figures counted. */
function notReproduced(
  table: DetectedTable,
  rows: TableRow[],
  v: TableColumn,
  problems: Problem[],
  coverage: Coverage,
): void {
  let n = 0;
  for (const r of rows) if (r.values.approx(v.col) !== undefined) n++;
  if (n === 0) return;
  coverage.notRecomputed += n;
  problems.push(
    problem(table.sheet, v.headerCell, 'warning', 'variance-not-reproduced', {
      header: v.header.text,
    }),
  );
}

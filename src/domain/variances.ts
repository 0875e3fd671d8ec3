import { Decimal, toReportNumber } from './decimal';
import { address } from './grid';
import { problem } from './messages';
import type { Check, Problem, SignConvention, Variance } from './report';
import type { TableRow } from './tableRows';
import type { ParsedNumber } from './values';
import { compareSigned } from './compare';
import { exactPercent, exactSub, exactToNumber } from './exact';
import type { DetectedTable, TableColumn } from './tables';

/** One comparison a table allows: an actual column against a budget column, maybe with its printed variance. */
interface Pair {
  actual: TableColumn;
  baseline: TableColumn;
  reported: TableColumn | null;
}

/** Rows with a printed variance looked at to tell the sign convention. */
const SIGN_SAMPLE = 200;

const INCOME = /intäkt|kommunbidrag|bidrag(?![\p{L}])|avgifter|ersättning|försäljning/iu;
const COSTS = /kostnad|personal|lokal|hyr|köp av|löner|material|avskrivning|tjänster/iu;

/**
 * Variance of one figure, positive = favourable (lower cost or higher income than budget).
 * costs-negative: actual − budget; costs-positive: budget − actual.
 * Example: variance(-690434, -683434, 'costs-negative') = -7000 (an underskott of 7 000).
 */
export function variance(actual: Decimal, baseline: Decimal, convention: SignConvention): Decimal {
  return convention === 'costs-negative' ? actual.minus(baseline) : baseline.minus(actual);
}

function yearOf(c: TableColumn): number | null {
  return c.header.period?.year ?? null;
}

/** A figure as the report's number: exact where it fits, else through decimal.js. */
function numberOf(f: ParsedNumber): number {
  return f.exact ? exactToNumber(f.exact) : toReportNumber(f.value);
}

/** The variance of one row and its percent of the budget, exactly. */
function varianceOf(
  a: ParsedNumber,
  b: ParsedNumber,
  convention: SignConvention,
): { number: number; percent: number | null } {
  if (a.exact && b.exact) {
    const v =
      convention === 'costs-negative' ? exactSub(a.exact, b.exact) : exactSub(b.exact, a.exact);
    if (v) {
      const percent = b.exact.n === 0 ? null : exactPercent(v, b.exact);
      if (percent !== null || b.exact.n === 0) return { number: exactToNumber(v), percent };
    }
  }
  const v = variance(a.value, b.value, convention);
  return {
    number: toReportNumber(v),
    percent: b.value.isZero()
      ? null
      : toReportNumber(v.div(b.value.abs()).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
  };
}

/** The comparisons a table allows: every full-year forecast or outcome against the budget of its year. */
function findPairs(table: DetectedTable, deviations: Set<number>): Pair[] {
  const budgets = table.columns.filter((c) => c.header.role === 'budget');
  const actuals = table.columns.filter(
    (c) =>
      (c.header.role === 'forecast' || c.header.role === 'outcome') &&
      !c.header.period?.interim &&
      !deviations.has(c.col),
  );
  const variances = table.columns.filter((c) => c.header.role === 'variance' && !c.header.percent);
  const budgetYears = new Set(budgets.map(yearOf).filter((y) => y !== null));
  const pairs: Pair[] = [];
  for (const actual of actuals) {
    let year = yearOf(actual);
    if (year === null && budgetYears.size === 1) year = [...budgetYears][0] ?? null;
    if (year === null) continue;
    let candidates = budgets.filter((b) => yearOf(b) === year);
    if (candidates.length === 0)
      candidates = budgets.filter((b) => yearOf(b) === null && budgetYears.size === 0);
    if (candidates.length === 0) continue;
    const reported = pickReported(variances, actual, year);
    // Prefer the budget written last (the revised or total budget), unless a printed variance says otherwise.
    const baseline = candidates[candidates.length - 1];
    if (!baseline) continue;
    pairs.push({ actual, baseline, reported });
    if (candidates.length > 1) {
      for (const other of candidates.slice(0, -1))
        pairs.push({ actual, baseline: other, reported: null });
    }
  }
  return pairs;
}

function pickReported(
  variances: TableColumn[],
  actual: TableColumn,
  year: number,
): TableColumn | null {
  const sameYear = variances.filter((v) => yearOf(v) === year || yearOf(v) === null);
  if (sameYear.length === 0) return null;
  const named = sameYear.filter((v) => {
    const t = v.header.text.toLowerCase();
    return actual.header.role === 'forecast'
      ? /prognos/.test(t)
      : /utfall|bokslut|redovisning/.test(t);
  });
  if (named.length === 1) return named[0] ?? null;
  const unnamed = sameYear.filter(
    (v) => !/prognos|utfall|bokslut|redovisning/.test(v.header.text.toLowerCase()),
  );
  return unnamed.length === 1 ? (unnamed[0] ?? null) : null;
}

/**
 * A `Prognos` column whose values are small, mixed in sign and nowhere near the budget holds the
 * forecast deviation, not the forecast (seed 001, 7.1).
 */
function isDeviationColumn(
  rows: TableRow[],
  forecast: TableColumn,
  budget: TableColumn,
  variances: TableColumn[],
): boolean {
  let far = 0;
  let counted = 0;
  let fPos = 0;
  let fNeg = 0;
  let bPos = 0;
  let bNeg = 0;
  for (const r of rows) {
    // A screening heuristic: floats are precise enough to tell "near" from "far".
    const f = r.values.approx(forecast.col);
    const b = r.values.approx(budget.col);
    if (f === undefined || b === undefined || b === 0) continue;
    counted++;
    if (f > 0) fPos++;
    if (f < 0) fNeg++;
    if (b > 0) bPos++;
    if (b < 0) bNeg++;
    if (f / b < 0.5) far++;
  }
  if (reproducesPrintedVariance(rows, forecast, budget, variances)) return false;
  const mixedForecast = fPos > 0 && fNeg > 0;
  const oneSignedBudget = bPos === 0 || bNeg === 0;
  return counted >= 3 && mixedForecast && oneSignedBudget && far * 3 >= counted * 2;
}

/** True when a printed variance column equals forecast − budget (or budget − forecast) on most rows. */
function reproducesPrintedVariance(
  rows: TableRow[],
  forecast: TableColumn,
  budget: TableColumn,
  variances: TableColumn[],
): boolean {
  for (const v of variances) {
    let counted = 0;
    let hits = 0;
    for (const r of rows) {
      const f = r.values.approx(forecast.col);
      const b = r.values.approx(budget.col);
      const p = r.values.approx(v.col);
      if (f === undefined || b === undefined || p === undefined) continue;
      counted++;
      if (Math.abs(Math.abs(f - b) - Math.abs(p)) <= 1) hits++;
    }
    if (counted > 0 && hits * 2 > counted) return true;
  }
  return false;
}

/** Decides the sign convention: from a printed variance, from income and cost rows, from the amounts. */
function signConvention(
  table: DetectedTable,
  rows: TableRow[],
  pairs: Pair[],
  problems: Problem[],
): SignConvention | null {
  for (const p of pairs) {
    if (!p.reported) continue;
    const reportedCol = p.reported;
    let neg = 0;
    let pos = 0;
    let seen = 0;
    // Rows only one formula reproduces, by label: income rows on one side and cost rows on the
    // other mean a table of absolute amounts, where no single convention holds.
    let incomeOnlyNeg = 0;
    let costOnlyPos = 0;
    let incomeOnlyPos = 0;
    let costOnlyNeg = 0;
    for (const r of rows) {
      // A majority is told long before a hundred rows.
      if (seen >= SIGN_SAMPLE) break;
      const a = r.values.get(p.actual.col);
      const b = r.values.get(p.baseline.col);
      const v = r.values.get(reportedCol.col);
      if (!a || !b || !v) continue;
      if (a.approx === b.approx && v.approx === 0) continue;
      seen++;
      const n =
        compareSigned(v, [
          [a, 1],
          [b, -1],
        ]).verdict !== 'mismatch';
      const q =
        compareSigned(v, [
          [b, 1],
          [a, -1],
        ]).verdict !== 'mismatch';
      if (n) neg++;
      if (q) pos++;
      const income = INCOME.test(r.label);
      const cost = !income && COSTS.test(r.label);
      if (n && !q && income) incomeOnlyNeg++;
      if (n && !q && cost) costOnlyNeg++;
      if (q && !n && income) incomeOnlyPos++;
      if (q && !n && cost) costOnlyPos++;
    }
    const mixed =
      (incomeOnlyNeg > 0 && costOnlyPos > 0 && incomeOnlyPos === 0 && costOnlyNeg === 0) ||
      (incomeOnlyPos > 0 && costOnlyNeg > 0 && incomeOnlyNeg === 0 && costOnlyPos === 0);
    if (mixed) return null;
    if (neg > pos) return 'costs-negative';
    if (pos > neg) return 'costs-positive';
  }
  const baselineCols = pairs.map((p) => p.baseline.col);
  const signOf = (r: TableRow): number => {
    for (const c of baselineCols) {
      const v = r.values.approx(c);
      if (v !== undefined && v !== 0) return v < 0 ? -1 : 1;
    }
    const v = r.values.firstNonZero();
    return v === undefined ? 0 : v.approx < 0 ? -1 : 1;
  };
  let incomeSign = 0;
  let costSign = 0;
  for (const r of rows) {
    if (r.isTotal) continue;
    if (INCOME.test(r.label)) incomeSign += signOf(r);
    else if (COSTS.test(r.label)) costSign += signOf(r);
  }
  // Income and costs of the same sign: absolute amounts, no convention to apply.
  if (incomeSign !== 0 && costSign !== 0 && Math.sign(incomeSign) === Math.sign(costSign)) {
    return null;
  }
  if (incomeSign > 0 && costSign < 0) return 'costs-negative';
  if (incomeSign < 0 && costSign > 0) return 'costs-positive';
  if (incomeSign === 0 && costSign !== 0) return costSign < 0 ? 'costs-negative' : 'costs-positive';
  if (costSign === 0 && incomeSign !== 0)
    return incomeSign > 0 ? 'costs-negative' : 'costs-positive';
  // No labelled rows: net cost areas (or investment expenditure) all of one sign.
  let negatives = 0;
  let positives = 0;
  for (const r of rows) {
    const s = signOf(r);
    if (s < 0) negatives++;
    if (s > 0) positives++;
  }
  const cell = table.columns[0]?.headerCell ?? null;
  if (negatives > 0 && positives === 0) {
    problems.push(
      problem(table.sheet, cell, 'info', 'sign-convention-inferred', {
        convention: 'costs-negative',
        sign: 'negativa',
      }),
    );
    return 'costs-negative';
  }
  if (positives > 0 && negatives === 0) {
    problems.push(
      problem(table.sheet, cell, 'info', 'sign-convention-inferred', {
        convention: 'costs-positive',
        sign: 'positiva',
      }),
    );
    return 'costs-positive';
  }
  return null;
}

/**
 * Computes the budget variances of a budget or investment table and checks any printed variance
 * column against them. Variances are in the table's unit, positive = favourable.
 */
export function analyseVariances(
  table: DetectedTable,
  rows: TableRow[],
  out: { variances: Variance[]; checks: Check[]; problems: Problem[] },
): SignConvention | null {
  const deviations = new Set<number>();
  const budgets = table.columns.filter((c) => c.header.role === 'budget');
  for (const f of table.columns.filter((c) => c.header.role === 'forecast')) {
    const b = budgets.find((x) => yearOf(x) === yearOf(f)) ?? budgets[0];
    const printed = table.columns.filter((c) => c.header.role === 'variance');
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
  if (pairs.length === 0) {
    return table.kind === 'investments' ? 'costs-positive' : budgetSignConvention(table, rows);
  }
  const convention =
    table.kind === 'investments' && !pairs.some((p) => p.reported)
      ? 'costs-positive'
      : signConvention(table, rows, pairs, out.problems);
  if (!convention) {
    out.problems.push(
      problem(
        table.sheet,
        table.columns[0]?.headerCell ?? null,
        'warning',
        'unknown-sign-convention',
      ),
    );
    return null;
  }
  // Where several budgets fit one actual, keep the one its printed variance reproduces.
  pairs = choosePairs(pairs, rows, convention);
  for (const p of pairs) {
    for (const r of rows) {
      if (r.isDash) continue;
      const a = r.values.get(p.actual.col);
      const b = r.values.get(p.baseline.col);
      if (!a || !b) continue;
      const v = varianceOf(a, b, convention);
      const rep = p.reported ? r.values.get(p.reported.col) : undefined;
      let check: Variance['check'] = null;
      if (rep) {
        const terms: [ParsedNumber, 1 | -1][] =
          convention === 'costs-negative'
            ? [
                [a, 1],
                [b, -1],
              ]
            : [
                [b, 1],
                [a, -1],
              ];
        const cmp = compareSigned(rep, terms);
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
      });
    }
  }
  return convention;
}

/**
 * The sign convention of a table with budgets but nothing to compare them with (a plan for coming
 * years): told the same way, but nothing is reported, since no variance depends on it.
 */
function budgetSignConvention(table: DetectedTable, rows: TableRow[]): SignConvention | null {
  const budgets = table.columns.filter((c) => c.header.role === 'budget');
  if (budgets.length === 0) return null;
  const pairs = budgets.map((b) => ({ actual: b, baseline: b, reported: null }));
  return signConvention(table, rows, pairs, []);
}

/** Rows on which a pair's variance reproduces a printed variance column (within 1 unit). */
function reproduced(
  p: Pair,
  reportedCol: TableColumn,
  rows: TableRow[],
  convention: SignConvention,
): number {
  let score = 0;
  for (const r of rows) {
    const a = r.values.get(p.actual.col);
    const b = r.values.get(p.baseline.col);
    const rep = r.values.get(reportedCol.col);
    if (a && b && rep && Math.abs(varianceOf(a, b, convention).number - rep.approx) <= 1) score++;
  }
  return score;
}

/**
 * Settles which pairs a table reports: where several budgets fit one actual, the one its printed
 * variance reproduces; where one printed variance column could belong to several actuals
 * (`Prognos 2023` and `Bokslut 2023` beside one `Avvikelse 2023`), only the actual it reproduces
 * keeps it, so the other is never checked against a variance that is not its own.
 */
function choosePairs(pairs: Pair[], rows: TableRow[], convention: SignConvention): Pair[] {
  const byActual = new Map<number, Pair[]>();
  for (const p of pairs) byActual.set(p.actual.col, [...(byActual.get(p.actual.col) ?? []), p]);
  const out: Pair[] = [];
  for (const group of byActual.values()) {
    const reportedCol = group.find((p) => p.reported)?.reported ?? null;
    if (group.length === 1 || !reportedCol) {
      const first = group[0];
      if (first) out.push(first);
      continue;
    }
    let best = group[0];
    let bestScore = -1;
    for (const p of group) {
      const score = reproduced(p, reportedCol, rows, convention);
      if (score > bestScore) {
        bestScore = score;
        best = p;
      }
    }
    if (best) out.push({ ...best, reported: reportedCol });
  }
  const byReported = new Map<number, Pair[]>();
  for (const p of out) {
    if (p.reported) byReported.set(p.reported.col, [...(byReported.get(p.reported.col) ?? []), p]);
  }
  for (const [, sharing] of byReported) {
    if (sharing.length < 2) continue;
    const scored = sharing.map((p) => ({
      p,
      score: p.reported ? reproduced(p, p.reported, rows, convention) : 0,
    }));
    const top = Math.max(...scored.map((x) => x.score));
    const winners = scored.filter((x) => x.score === top);
    for (const x of scored) {
      // A tie cannot be told apart: no pair is checked against the column.
      if (winners.length > 1 || x.score !== top) x.p.reported = null;
    }
  }
  return out;
}

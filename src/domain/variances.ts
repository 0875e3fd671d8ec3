import { Decimal, toReportNumber } from './decimal';
import { address } from './grid';
import { problem } from './messages';
import type { Check, Problem, SignConvention, Variance } from './report';
import type { TableRow } from './tableRows';
import type { ParsedNumber } from './values';
import { compareSigned } from './compare';
import { exactPercent, exactSub, exactToNumber } from './exact';
import type { DetectedTable, TableColumn } from './tables';
import type { Coverage } from './coverage';

/** A printed variance column and the budget it is measured against (for its percent column). */
export interface PrintedPair {
  variance: TableColumn;
  baseline: TableColumn;
}

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

/** The years a column covers: its own, or the table's one span where it names none. */
function spanKey(c: TableColumn, tableSpan: string | null): string | null {
  const s = c.header.span;
  return s ? `${s.from}-${s.to}` : tableSpan;
}

/** The one span the table's money columns name, or null when they name none or several. */
function tableSpanOf(table: DetectedTable): string | null {
  const keys = new Set<string>();
  for (const c of table.columns) {
    const r = c.header.role;
    if (r !== 'budget' && r !== 'forecast' && r !== 'outcome' && r !== 'variance') continue;
    if (c.header.span) keys.add(`${c.header.span.from}-${c.header.span.to}`);
  }
  return keys.size === 1 ? ([...keys][0] ?? null) : null;
}

/**
 * Two columns measure the same period: the same years (a column without a year takes the table's
 * only span) and the same reach into the year. An interim outcome (`Periodutfall`, `jan–apr`,
 * `T1`) pairs only with a budget of the same interim period, never with a full-year budget; a
 * multi-year frame (`Budget 2021–2024`) only with the same span.
 */
function samePeriod(a: TableColumn, b: TableColumn, tableSpan: string | null): boolean {
  if (spanKey(a, tableSpan) !== spanKey(b, tableSpan)) return false;
  return (
    a.header.reach.month === b.header.reach.month &&
    a.header.reach.interim === b.header.reach.interim
  );
}

/**
 * The comparisons a table allows: every forecast or outcome against the budget of the same
 * period and the same column group (`Kommunen` never against `Sammanställd redovisning`).
 */
function findPairs(table: DetectedTable, deviations: Set<number>): Pair[] {
  const tableSpan = tableSpanOf(table);
  const budgets = table.columns.filter((c) => c.header.role === 'budget');
  const named = table.columns.filter(
    (c) => (c.header.role === 'forecast' || c.header.role === 'outcome') && !deviations.has(c.col),
  );
  // A bare year beside the budget of that year, in a group with no outcome or forecast of its
  // own, is what was spent: an annual report heads its outcome with the year alone.
  const bare = table.columns.filter(
    (c) =>
      c.header.role === 'year' &&
      budgets.some((b) => b.group === c.group && samePeriod(b, c, tableSpan)) &&
      !named.some((a) => a.group === c.group && samePeriod(a, c, tableSpan)),
  );
  const actuals = [...named, ...bare];
  const variances = table.columns.filter((c) => c.header.role === 'variance' && !c.header.percent);
  const pairs: Pair[] = [];
  for (const actual of actuals) {
    const candidates = budgets.filter(
      (b) => b.group === actual.group && samePeriod(actual, b, tableSpan),
    );
    if (candidates.length === 0) continue;
    const reported = pickReported(variances, actual, tableSpan);
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
  tableSpan: string | null,
): TableColumn | null {
  const own = spanKey(actual, tableSpan);
  const sameYear = variances.filter((v) => {
    if (v.group !== actual.group) return false;
    const k = spanKey(v, tableSpan);
    if (k !== null && k !== own) return false;
    // A variance of a named interim period belongs to that period only.
    return !v.header.reach.interim || v.header.reach.month === actual.header.reach.month;
  });
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
    const budget = reportDeviations(table, rows, f, budgets, out.variances);
    if (budget) printedPairs.push({ variance: f, baseline: budget });
  }
  for (const v of unclaimed) {
    if (isForecastDeviation(table, v)) {
      const budget = reportDeviations(table, rows, v, budgets, out.variances);
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
        comment: null,
      });
    }
  }
  convention = immaterial ? null : applied;
  return convention;
}

/** True when a pair's actual equals its budget on every row that has both. */
function equalOnEveryRow(rows: TableRow[], p: Pair): boolean {
  let seen = 0;
  for (const r of rows) {
    const a = r.values.approx(p.actual.col);
    const b = r.values.approx(p.baseline.col);
    if (a === undefined || b === undefined) continue;
    seen++;
    if (a !== b) return false;
  }
  return seen > 0;
}

/** Letters that name a column in a variance header's formula: `Avvikelse (B−U)`. */
const LETTER_ROLES: Record<string, 'budget' | 'actual'> = {
  b: 'budget',
  u: 'actual',
  p: 'actual',
  r: 'actual',
};

/**
 * The printed variance column settles which columns are budget and actual, whatever their
 * headers say: where no pair of known roles claims a printed variance, the two columns whose
 * difference reproduces it on most rows are its pair. Which one is the budget comes from a role
 * one of them has (`Kommunbidrag`, `Budget`), or from the header's letters (`Avvikelse (B−U)`);
 * where neither tells, nothing is guessed.
 */
function pairsFromPrintedVariances(
  table: DetectedTable,
  rows: TableRow[],
  known: Pair[],
  deviations: Set<number>,
  problems: Problem[],
): Pair[] {
  const out: Pair[] = [];
  const claimed = new Set(known.map((p) => p.reported?.col).filter((c) => c !== undefined));
  const reproducedByKnown = (v: TableColumn): boolean =>
    known.some(
      (p) =>
        p.reported?.col === v.col && reproducesPrintedVariance(rows, p.actual, p.baseline, [v]),
    );
  const candidates = table.columns.filter(
    (c) =>
      !c.header.percent &&
      !deviations.has(c.col) &&
      ['budget', 'forecast', 'outcome', 'other', 'year'].includes(c.header.role) &&
      rows.some((r) => r.values.approx(c.col) !== undefined),
  );
  for (const v of table.columns) {
    if (v.header.role !== 'variance' || v.header.percent) continue;
    if (claimed.has(v.col) && reproducedByKnown(v)) continue;
    const pool = candidates.filter((c) => c.group === v.group);
    let best: { x: TableColumn; y: TableColumn; hits: number } | null = null;
    let tie = false;
    for (let i = 0; i < pool.length; i++) {
      for (let j = i + 1; j < pool.length; j++) {
        const x = pool[i];
        const y = pool[j];
        if (!x || !y) continue;
        const hits = differenceHits(rows, x, y, v);
        if (hits === 0) continue;
        if (!best || hits > best.hits) {
          best = { x, y, hits };
          tie = false;
        } else if (hits === best.hits) tie = true;
      }
    }
    if (!best || tie) {
      // Claimed by roles but reproduced on too few rows: the column cannot be recomputed.
      for (const p of known) if (p.reported?.col === v.col) p.reported = null;
      continue;
    }
    const roles = orderPair(best.x, best.y, v);
    if (!roles) {
      problems.push(
        problem(table.sheet, v.headerCell, 'warning', 'ambiguous-header', {
          header: v.header.text,
        }),
      );
      continue;
    }
    // The pair now claims the column; any earlier claim by a pair that does not reproduce it goes.
    for (const p of known) if (p.reported?.col === v.col) p.reported = null;
    out.push({ actual: roles.actual, baseline: roles.baseline, reported: v });
  }
  return out;
}

/**
 * Rows on which `x − y` or `y − x` gives the printed variance `v` within rounding; 0 unless that
 * holds on at least two rows and more than half of the rows that have all three figures.
 */
function differenceHits(rows: TableRow[], x: TableColumn, y: TableColumn, v: TableColumn): number {
  let counted = 0;
  let hits = 0;
  for (const r of rows) {
    const a = r.values.approx(x.col);
    const b = r.values.approx(y.col);
    const p = r.values.approx(v.col);
    if (a === undefined || b === undefined || p === undefined) continue;
    if (a === 0 && b === 0 && p === 0) continue;
    counted++;
    const tol = 1.01 * 10 ** -Math.min(r.values.decimals(v.col) ?? 0, 6);
    if (Math.abs(Math.abs(a - b) - Math.abs(p)) <= tol) hits++;
  }
  return hits >= 2 && hits * 2 > counted ? hits : 0;
}

/** Which of two columns is the budget: from their roles, else from the variance header's letters. */
function orderPair(
  x: TableColumn,
  y: TableColumn,
  v: TableColumn,
): { actual: TableColumn; baseline: TableColumn } | null {
  const isBudget = (c: TableColumn): boolean => c.header.role === 'budget';
  const isActual = (c: TableColumn): boolean =>
    c.header.role === 'forecast' || c.header.role === 'outcome';
  if (isBudget(x) && !isBudget(y)) return { actual: y, baseline: x };
  if (isBudget(y) && !isBudget(x)) return { actual: x, baseline: y };
  if (isActual(x) && !isActual(y)) return { actual: x, baseline: y };
  if (isActual(y) && !isActual(x)) return { actual: y, baseline: x };
  const letters = /\(?\s*([bupr])\s*[-−–]\s*([bupr])\s*\)?\s*$/i.exec(v.header.text);
  if (letters) {
    const first = LETTER_ROLES[(letters[1] ?? '').toLowerCase()];
    const second = LETTER_ROLES[(letters[2] ?? '').toLowerCase()];
    // Written in order of the columns: the left one is the first letter.
    const [left, right] = x.col < y.col ? [x, y] : [y, x];
    if (first === 'budget' && second === 'actual') return { actual: right, baseline: left };
    if (first === 'actual' && second === 'budget') return { actual: left, baseline: right };
  }
  return null;
}

/**
 * A printed variance column that no pair claims holds the deviation itself: it says `prognos`,
 * or its table has no forecast or outcome amount in its group to compute it from (`Budget |
 * Avvikelse | Procent` per nämnd). It is reported as printed, never recomputed.
 */
function isForecastDeviation(table: DetectedTable, v: TableColumn): boolean {
  const actual = table.columns.some(
    (c) => (c.header.role === 'forecast' || c.header.role === 'outcome') && c.group === v.group,
  );
  if (!actual) return true;
  const hasForecast = table.columns.some(
    (c) => c.header.role === 'forecast' && c.group === v.group,
  );
  if (hasForecast) return false;
  const words = [v.header.text, table.title ?? ''].join(' ').toLowerCase();
  return /prognos/.test(words);
}

/**
 * Reports a forecast deviation printed per row (`Prognos 2017` holding −27 600 for the committee)
 * as variances of kind `forecast-deviation`: the printed figure is the variance, positive =
 * favourable as the documents print it, against the budget of the same year where there is one.
 */
function reportDeviations(
  table: DetectedTable,
  rows: TableRow[],
  col: TableColumn,
  budgets: TableColumn[],
  variances: Variance[],
): TableColumn | null {
  const budget =
    budgets.find((b) => b.group === col.group && yearOf(b) === yearOf(col)) ??
    budgets.find((b) => b.group === col.group && yearOf(b) === null) ??
    null;
  for (const r of rows) {
    if (r.isDash) continue;
    const d = r.values.get(col.col);
    if (!d) continue;
    const b = budget ? r.values.get(budget.col) : undefined;
    const percent =
      b && !b.value.isZero()
        ? toReportNumber(
            d.value.div(b.value.abs()).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
          )
        : null;
    variances.push({
      sheet: table.sheet,
      row: r.row,
      cell: address(r.row, col.col),
      label: r.label,
      baseline: budget?.header.text ?? '',
      actual: col.header.text,
      baselineValue: b ? numberOf(b) : null,
      actualValue: null,
      variance: numberOf(d),
      variancePercent: percent,
      unit: table.unit,
      reported: numberOf(d),
      check: null,
      kind: 'forecast-deviation',
      comment: null,
    });
  }
  return budget;
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
    const top = scored.reduce((m, x) => (x.score > m ? x.score : m), -Infinity);
    const winners = scored.filter((x) => x.score === top);
    for (const x of scored) {
      // A tie cannot be told apart: no pair is checked against the column.
      if (winners.length > 1 || x.score !== top) x.p.reported = null;
    }
  }
  return out;
}

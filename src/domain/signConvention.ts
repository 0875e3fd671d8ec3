/**
 * A table's sign convention (costs negative or positive), told from its printed variance, its
 * income and cost rows, or the sign of its amounts; never guessed where they disagree.
 */
import { problem } from './messages';
import type { Problem, SignConvention } from './report';
import type { TableRow } from './tableRows';
import { compareSigned } from './compare';
import type { DetectedTable } from './tables';
import type { Pair } from './variancePairs';

/** Rows with a printed variance looked at to tell the sign convention. */
const SIGN_SAMPLE = 200;

const INCOME = /intäkt|kommunbidrag|bidrag(?![\p{L}])|avgifter|ersättning|försäljning/iu;

const COSTS = /kostnad|personal|lokal|hyr|köp av|löner|material|avskrivning|tjänster/iu;

/**
 * True for a label naming a kind of money, an income or a cost (`Intäkter`, `Personalkostnader`,
 * `Kommunbidrag`, `Köp av tjänster`), rather than a verksamhet.
 */
export function isMoneyKindLabel(label: string): boolean {
  return INCOME.test(label) || COSTS.test(label);
}

/** Decides the sign convention: from a printed variance, from income and cost rows, from the amounts. */
export function signConvention(
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
 * The sign convention of a table with budgets but nothing to compare them with (a plan for coming
 * years): told the same way, but nothing is reported, since no variance depends on it.
 */
export function budgetSignConvention(
  table: DetectedTable,
  rows: TableRow[],
): SignConvention | null {
  const budgets = table.columns.filter((c) => c.header.role === 'budget');
  if (budgets.length === 0) return null;
  const pairs = budgets.map((b) => ({ actual: b, baseline: b, reported: null }));
  return signConvention(table, rows, pairs, []);
}

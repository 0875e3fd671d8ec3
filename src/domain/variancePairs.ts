/**
 * Which columns of a table are compared: every forecast or outcome against the budget of the same
 * period and group, and the printed variance column each pair reproduces, which settles the roles
 * where the headers do not.
 */
import { problem } from './messages';
import type { Problem, SignConvention } from './report';
import type { TableRow } from './tableRows';
import type { DetectedTable, TableColumn } from './tables';
import { varianceOf } from './varianceMath';

/** One comparison a table allows: an actual column against a budget column, maybe with its printed variance. */
export interface Pair {
  actual: TableColumn;
  baseline: TableColumn;
  reported: TableColumn | null;
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
export function findPairs(table: DetectedTable, deviations: Set<number>): Pair[] {
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

/** True when a printed variance column equals forecast − budget (or budget − forecast) on most rows. */
export function reproducesPrintedVariance(
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

/** True when a pair's actual equals its budget on every row that has both. */
export function equalOnEveryRow(rows: TableRow[], p: Pair): boolean {
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
export function pairsFromPrintedVariances(
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
export function choosePairs(pairs: Pair[], rows: TableRow[], convention: SignConvention): Pair[] {
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

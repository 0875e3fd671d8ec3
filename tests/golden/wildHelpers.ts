/**
 * Helpers of the wild corpus (tests/golden/wild.test.ts, the planted-error helper, the bench): load
 * a `WildFixture`'s workbook and analyse it, turn the fixture's rows (named by label, as a reader
 * names them) into cells, and score a report against what the document prints.
 *
 * Every expectation is named from the fixture alone (`listExpectations`), so a test can be
 * declared before the workbook is read, and `KNOWN_GAPS` can key on the name.
 */
import { join } from 'node:path';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import { analyzeWorkbook } from '../../src/domain/analyze';
import {
  parseAddress,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../../src/domain/grid';
import type { Check, Report, Variance } from '../../src/domain/report';
import type {
  ExpectedDifference,
  ExpectedError,
  ExpectedGoal,
  ExpectedIndicator,
  ExpectedSum,
  ExpectedTable,
  ExpectedVariance,
  ExpectedVarianceColumn,
  RowRef,
  WildFixture,
} from '../fixtures/wild/types';
import { norm, ROOT, type Golden } from './helpers';

/** `tests/fixtures/wild/<slug>.xlsx`, absolute. */
export function wildPath(slug: string): string {
  return join(ROOT, 'tests', 'fixtures', 'wild', `${slug}.xlsx`);
}

/** Reads a wild fixture's workbook (as the CLI does) and analyses it. */
export async function loadWild(fx: WildFixture): Promise<Golden> {
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readWorkbookFile(wildPath(fx.slug));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${fx.slug}.xlsx cannot be read (run npm run fixtures:wild): ${why}`);
  }
  return { snapshot, report: analyzeWorkbook(snapshot) };
}

// ---------------------------------------------------------------------------------------------
// Rows and cells named as a reader names them
// ---------------------------------------------------------------------------------------------

/** The sheet named `name`; throws with the sheets listed. */
export function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = snapshot.sheets.find((x) => x.name === name);
  if (!s) {
    throw new Error(`No sheet ${name}; sheets: ${snapshot.sheets.map((x) => x.name).join(', ')}`);
  }
  return s;
}

/** 1-based column of a column letter: `A` → 1, `AB` → 28. */
export function colIndex(letter: string): number {
  return parseAddress(`${letter}1`).col;
}

/** The value at a 1-based row and column (null outside the sheet's rectangle). */
export function valueAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
}

/** A row's label: its first non-empty cell when that is text (as `rowOf` reads it), else null. */
export function rowLabel(sheet: SheetSnapshot, row: number): string | null {
  const first = (sheet.values[row - sheet.origin.row] ?? []).find((v) => v !== null && v !== '');
  return typeof first === 'string' ? first : null;
}

/**
 * Every 1-based row of `sheet` whose label starts with `label` (white space folded, as `norm` and
 * `rowOf` compare), top to bottom.
 */
export function labelledRows(snapshot: WorkbookSnapshot, sheet: string, label: string): number[] {
  const s = sheetOf(snapshot, sheet);
  const want = norm(label);
  const rows: number[] = [];
  for (let i = 0; i < s.values.length; i++) {
    const text = rowLabel(s, i + s.origin.row);
    if (text !== null && norm(text).startsWith(want)) rows.push(i + s.origin.row);
  }
  return rows;
}

/** `Drift!"Totalt"`, `Drift!"Totalt" (2nd)`: a row as the fixture names it, for messages. */
export function refName(ref: RowRef): string {
  const nth = ref.nth ?? 0;
  const ord = nth === 0 ? '' : ` (${nth + 1}${nth === 1 ? 'nd' : nth === 2 ? 'rd' : 'th'})`;
  return `${ref.sheet}!"${ref.row}"${ord}`;
}

/** The 1-based row a `RowRef` names (its `nth` row with that label); throws when there is none. */
export function resolveRow(snapshot: WorkbookSnapshot, ref: RowRef): number {
  const rows = labelledRows(snapshot, ref.sheet, ref.row);
  const row = rows[ref.nth ?? 0];
  if (row === undefined) {
    throw new Error(
      `No row ${refName(ref)} (${rows.length} row(s) start with "${ref.row}" on ${ref.sheet})`,
    );
  }
  return row;
}

/** The A1 cell of a row and a column letter: `({ sheet: 'Drift', row: 'Totalt' }, 'D')` → `D12`. */
export function cellOf(snapshot: WorkbookSnapshot, ref: RowRef, col: string): string {
  return `${col}${resolveRow(snapshot, ref)}`;
}

/**
 * The rows of a sum's parts. A part given as a `RowRef` is that row; a part given as a bare label
 * is the row with that label nearest to the total on the side its parts stand (above, or below
 * for a category row over its parts): both sides are tried and the one where every bare part is
 * found, closer to the total, wins.
 */
export function resolveParts(snapshot: WorkbookSnapshot, sum: ExpectedSum): number[] {
  const total = resolveRow(snapshot, sum);
  const attempt = (dir: 1 | -1): number[] | null => {
    const out: number[] = [];
    for (const p of sum.parts) {
      if (typeof p !== 'string') {
        out.push(resolveRow(snapshot, p));
        continue;
      }
      const rows = labelledRows(snapshot, sum.sheet, p).filter((r) => (r - total) * dir > 0);
      const near = dir === 1 ? rows[0] : rows[rows.length - 1];
      if (near === undefined) return null;
      out.push(near);
    }
    return out;
  };
  const span = (rows: number[]): number => Math.max(0, ...rows.map((r) => Math.abs(r - total)));
  const up = attempt(-1);
  const down = attempt(1);
  const best = up && down ? (span(down) < span(up) ? down : up) : (up ?? down);
  if (!best) {
    const missing = sum.parts.filter(
      (p): p is string =>
        typeof p === 'string' && labelledRows(snapshot, sum.sheet, p).length === 0,
    );
    const which = missing.map((m) => `"${m}"`).join(', ') || 'not all on one side of it';
    throw new Error(`Parts of ${refName(sum)} not found: ${which}`);
  }
  return best;
}

/**
 * A row listed by a variance or difference column (`rows`): a `RowRef` is that row; a bare label is
 * the first row with that label whose `col` holds something (a later table on the sheet may reuse
 * the label: a fixture names that one with `nth`), else the first row with that label.
 */
export function resolveListedRow(
  snapshot: WorkbookSnapshot,
  sheet: string,
  ref: string | RowRef,
  col: string,
): number {
  if (typeof ref !== 'string') return resolveRow(snapshot, ref);
  const rows = labelledRows(snapshot, sheet, ref);
  const s = sheetOf(snapshot, sheet);
  const c = colIndex(col);
  const filled = rows.find((r) => {
    const v = valueAt(s, r, c);
    return v !== null && v !== '';
  });
  const row = filled ?? rows[0];
  if (row === undefined) throw new Error(`No row ${sheet}!"${ref}"`);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Scoring a report against the fixture
// ---------------------------------------------------------------------------------------------

export type Category =
  | 'tables'
  | 'variances'
  | 'sums'
  | 'varianceColumns'
  | 'differences'
  | 'indicators'
  | 'goals'
  | 'errors'
  | 'falseAlarms';

export const CATEGORIES: readonly Category[] = [
  'tables',
  'variances',
  'sums',
  'varianceColumns',
  'differences',
  'indicators',
  'goals',
  'errors',
  'falseAlarms',
];

/** One expectation's verdict: `reason` says what the document prints and what the engine gave. */
export interface Scored {
  readonly category: Category;
  readonly name: string;
  readonly pass: boolean;
  readonly reason: string;
}

/** What a scorer sees: the report, the snapshot, and the fixture's own error cells. */
export interface ScoreContext {
  readonly report: Report;
  readonly snapshot: WorkbookSnapshot;
  readonly mismatches: readonly Check[];
  /** `Sheet!A1` of every ExpectedError that resolves. */
  readonly errorCells: ReadonlySet<string>;
}

/** An expectation named from the fixture alone; `score` needs the analysed workbook. */
export interface Expectation {
  readonly category: Category;
  readonly name: string;
  readonly score: (ctx: ScoreContext) => { pass: boolean; reason: string };
}

/** Plain figures in messages: `-1850`, `3.5`. */
function num(n: number | string | null): string {
  return n === null ? 'null' : String(n);
}

function checkText(c: Check): string {
  return `${c.cell} ${c.kind}: reported ${num(c.reported)}, computed ${num(c.computed)}`;
}

/** `kind` was added in 1.1; a report without it only has budget variances. */
export function varianceKind(v: Variance): string {
  return 'kind' in v && typeof v.kind === 'string' ? v.kind : 'budget';
}

function columnOfCell(cell: string): string {
  return /^[A-Z]+/.exec(cell)?.[0] ?? '';
}

/** Runs `f`, turning a thrown resolution error into a failed verdict. */
function guarded(f: () => { pass: boolean; reason: string }): { pass: boolean; reason: string } {
  try {
    return f();
  } catch (error) {
    return { pass: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function tableExpectation(t: ExpectedTable): Expectation {
  return {
    category: 'tables',
    name: `${t.sheet}!${t.topLeft} is a ${t.kind} table in ${t.unit ?? 'no unit'}`,
    score: ({ report }) => {
      const on = report.tables.filter((x) => x.sheet === t.sheet);
      const found = on.find((x) => x.range.startsWith(`${t.topLeft}:`));
      const list = on.map((x) => `${x.range} ${x.kind} ${x.unit ?? 'null'}`).join('; ') || 'none';
      if (!found)
        return { pass: false, reason: `no table starts at ${t.topLeft}; on ${t.sheet}: ${list}` };
      const pass = found.kind === t.kind && found.unit === t.unit;
      return {
        pass,
        reason: `the engine found ${found.range} as ${found.kind} in ${found.unit ?? 'no unit'}`,
      };
    },
  };
}

function varianceExpectation(v: ExpectedVariance): Expectation {
  const kind = v.kind ?? 'budget';
  const against = v.baselineCol ? ` (${v.col} against ${v.baselineCol})` : '';
  const what = kind === 'forecast-deviation' ? 'forecast deviation' : 'variance';
  return {
    category: 'variances',
    name: `${refName(v)} ${v.col}: ${what} ${num(v.variance)}${against}`,
    score: ({ report, snapshot }) =>
      guarded(() => {
        const row = resolveRow(snapshot, v);
        const onRow = report.variances.filter((x) => x.sheet === v.sheet && x.row === row);
        const found = onRow.find(
          (x) =>
            varianceKind(x) === kind &&
            (kind === 'forecast-deviation' || columnOfCell(x.cell) === v.col) &&
            // The printed figure is found: as computed, or as the row's own printed variance
            // (which the engine checks: rounding, or an error reported at its cell).
            (x.variance === v.variance || (x.check !== null && x.reported === v.variance)),
        );
        const gave =
          onRow
            .map(
              (x) =>
                `${x.cell} ${num(x.variance)} (${varianceKind(x)}: ${x.baseline} → ${x.actual})`,
            )
            .join('; ') || 'no variance on that row';
        return {
          pass: found !== undefined,
          reason: `the document gives ${num(v.variance)} at ${v.col}${row}; the engine gave: ${gave}`,
        };
      }),
  };
}

function sumExpectation(s: ExpectedSum): Expectation {
  return {
    category: 'sums',
    name: `${refName(s)} adds up in ${s.cols.join(', ')}`,
    score: ({ snapshot, mismatches, errorCells }) =>
      guarded(() => {
        const row = resolveRow(snapshot, s);
        resolveParts(snapshot, s);
        const cells = s.cols
          .map((c) => `${c}${row}`)
          .filter((c) => !errorCells.has(`${s.sheet}!${c}`));
        const wrong = mismatches.filter((m) => m.sheet === s.sheet && cells.includes(m.cell));
        return {
          pass: wrong.length === 0,
          reason:
            wrong.length === 0
              ? `no mismatch at ${cells.join(', ') || '(all cells are document errors)'}`
              : `the document's total adds up, but the engine reports ${wrong.map(checkText).join('; ')}`,
        };
      }),
  };
}

/** One expectation per listed row: no mismatch at the printed cell unless it is a document error. */
function rowColumnExpectations(
  category: 'varianceColumns' | 'differences',
  sheet: string,
  printed: string,
  formula: string,
  rows: readonly (string | RowRef)[],
): Expectation[] {
  const what = category === 'varianceColumns' ? 'printed variance' : 'printed difference';
  return rows.map((ref) => {
    const label = typeof ref === 'string' ? refName({ sheet, row: ref }) : refName(ref);
    return {
      category,
      name: `${label} ${printed}: ${what} = ${formula} holds`,
      score: ({ snapshot, mismatches, errorCells }) =>
        guarded(() => {
          const cell = `${printed}${resolveListedRow(snapshot, sheet, ref, printed)}`;
          if (errorCells.has(`${sheet}!${cell}`)) {
            return { pass: true, reason: `${cell} is a document error (scored there)` };
          }
          const wrong = mismatches.filter((m) => m.sheet === sheet && m.cell === cell);
          return {
            pass: wrong.length === 0,
            reason:
              wrong.length === 0
                ? `no mismatch at ${cell}`
                : `the document's ${what} holds, but the engine reports ${wrong.map(checkText).join('; ')}`,
          };
        }),
    };
  });
}

function varianceColumnExpectations(vc: ExpectedVarianceColumn): Expectation[] {
  const formula =
    vc.formula === 'actual-minus-budget'
      ? `${vc.actual} − ${vc.baseline}`
      : `${vc.baseline} − ${vc.actual}`;
  return rowColumnExpectations('varianceColumns', vc.sheet, vc.printed, formula, vc.rows);
}

function differenceExpectations(d: ExpectedDifference): Expectation[] {
  return rowColumnExpectations('differences', d.sheet, d.printed, `${d.left} − ${d.right}`, d.rows);
}

function indicatorExpectation(i: ExpectedIndicator): Expectation {
  const details = [
    i.outcome !== undefined ? `outcome ${num(i.outcome)}` : '',
    i.direction !== undefined ? `direction ${i.direction}` : '',
  ].filter((x) => x !== '');
  return {
    category: 'indicators',
    name: `${refName(i)} is ${i.status}${details.length > 0 ? ` (${details.join(', ')})` : ''}`,
    score: ({ report, snapshot }) =>
      guarded(() => {
        const row = resolveRow(snapshot, i);
        const found = report.indicators.filter((x) => x.sheet === i.sheet && x.row === row);
        const first = found[0];
        if (found.length !== 1 || !first) {
          return { pass: false, reason: `${found.length} indicators assessed on row ${row}` };
        }
        const pass =
          first.status === i.status &&
          (i.outcome === undefined || first.outcome === i.outcome) &&
          (i.direction === undefined || first.direction === i.direction);
        return {
          pass,
          reason: `the engine gave ${first.status}, outcome ${num(first.outcome)}, direction ${first.direction}, target ${first.target ?? 'null'}: ${first.reason}`,
        };
      }),
  };
}

function goalExpectation(g: ExpectedGoal): Expectation {
  const parent = g.parent ? ` under "${g.parent.row}"` : '';
  const printed = g.reportedVerdict ? `, printed ${g.reportedVerdict}` : '';
  return {
    category: 'goals',
    name: `${refName(g)} is a ${g.level} goal${parent} with ${g.indicators} indicators, ${g.verdict}${printed}`,
    score: ({ report, snapshot }) =>
      guarded(() => {
        const row = resolveRow(snapshot, g);
        const found = report.goals.find((x) => x.sheet === g.sheet && x.row === row);
        if (!found) return { pass: false, reason: `no goal read on row ${row}` };
        const parentRow = g.parent ? resolveRow(snapshot, g.parent) : null;
        const parentGoal = report.goals.find((x) => x.id === found.parent) ?? null;
        const pass =
          found.level === g.level &&
          (parentGoal?.row ?? null) === parentRow &&
          found.indicators === g.indicators &&
          found.verdict === g.verdict &&
          found.reportedVerdict === g.reportedVerdict;
        return {
          pass,
          reason: `the engine gave ${found.level} under row ${parentGoal?.row ?? 'none'}, ${found.indicators} indicators, ${found.verdict}, printed ${found.reportedVerdict ?? 'none'}: ${found.reason}`,
        };
      }),
  };
}

function errorExpectation(e: ExpectedError): Expectation {
  return {
    category: 'errors',
    name: `${refName(e)} ${e.col}: the document's error is reported (${e.note})`,
    score: ({ report, snapshot }) =>
      guarded(() => {
        const cell = cellOf(snapshot, e, e.col);
        const at = report.checks.filter((c) => c.sheet === e.sheet && c.cell === cell);
        const pass = at.some((c) => c.severity === 'mismatch');
        const gave = at.map((c) => `${checkText(c)} (${c.severity})`).join('; ') || 'no check';
        return { pass, reason: `at ${cell} the engine gave: ${gave}` };
      }),
  };
}

const falseAlarmExpectation: Expectation = {
  category: 'falseAlarms',
  name: "no mismatch beyond the document's own errors",
  score: ({ mismatches, errorCells }) => {
    const stray = mismatches.filter((m) => !errorCells.has(`${m.sheet}!${m.cell}`));
    return {
      pass: stray.length === 0,
      reason:
        stray.length === 0
          ? 'none'
          : `false mismatches: ${stray.map((m) => `${m.sheet}!${checkText(m)}`).join('; ')}`,
    };
  },
};

/** Where a document's goals are listed, a goal the engine reads beyond them is a false goal. */
function falseGoalExpectation(goals: readonly ExpectedGoal[]): Expectation {
  return {
    category: 'falseAlarms',
    name: 'no goal beyond the document’s goals',
    score: ({ report, snapshot }) =>
      guarded(() => {
        const known = new Set(goals.map((g) => `${g.sheet}!${resolveRow(snapshot, g)}`));
        const stray = report.goals.filter((x) => !known.has(`${x.sheet}!${x.row}`));
        return {
          pass: stray.length === 0,
          reason:
            stray.length === 0
              ? 'none'
              : `false goals: ${stray.map((x) => `${x.sheet}!${x.cell} "${x.text}"`).join('; ')}`,
        };
      }),
  };
}

/** Every expectation of a fixture, in a fixed order, named from the fixture alone. */
export function listExpectations(fx: WildFixture): Expectation[] {
  return [
    ...fx.tables.map(tableExpectation),
    ...fx.variances.map(varianceExpectation),
    ...fx.sums.map(sumExpectation),
    ...fx.varianceColumns.flatMap(varianceColumnExpectations),
    ...(fx.differences ?? []).flatMap(differenceExpectations),
    ...fx.indicators.map(indicatorExpectation),
    ...(fx.goals ?? []).map(goalExpectation),
    ...fx.errors.map(errorExpectation),
    falseAlarmExpectation,
    ...(fx.goals ? [falseGoalExpectation(fx.goals)] : []),
  ];
}

/** `Sheet!A1` of the fixture's own errors (those whose row resolves). */
export function errorCells(fx: WildFixture, snapshot: WorkbookSnapshot): Set<string> {
  const out = new Set<string>();
  for (const e of fx.errors) {
    try {
      out.add(`${e.sheet}!${cellOf(snapshot, e, e.col)}`);
    } catch {
      // Unresolved: its own expectation fails and says why.
    }
  }
  return out;
}

/**
 * Scores a report against what the fixture's document prints: one verdict per expectation, in
 * the order of `listExpectations`. Tables: a table on the sheet whose range starts at `topLeft`,
 * with that kind and unit. Variances: one on the row, in column `col` (any column for a forecast
 * deviation), of that kind, with exactly that value. Sums, variance and difference columns: no
 * mismatch at their printed cells except the document's own errors. Indicators: that status (and
 * outcome, direction where given). Errors: a mismatch at the cell. False alarms: no other mismatch.
 */
export function scoreFixture(
  fx: WildFixture,
  report: Report,
  snapshot: WorkbookSnapshot,
): Scored[] {
  const ctx: ScoreContext = {
    report,
    snapshot,
    mismatches: report.checks.filter((c) => c.severity === 'mismatch'),
    errorCells: errorCells(fx, snapshot),
  };
  return listExpectations(fx).map((e) => ({
    category: e.category,
    name: e.name,
    ...guarded(() => e.score(ctx)),
  }));
}

/** Found / total per category. */
export type Summary = Record<Category, { found: number; total: number }>;

/** Adds up verdicts by category (several fixtures' verdicts may be passed together). */
export function summarize(scored: readonly Scored[]): Summary {
  const out = Object.fromEntries(CATEGORIES.map((c) => [c, { found: 0, total: 0 }])) as Summary;
  for (const s of scored) {
    out[s.category].total += 1;
    if (s.pass) out[s.category].found += 1;
  }
  return out;
}

/**
 * Shared helpers of the golden tests: load a fixture and analyse it, find rows by their label in
 * the workbook (so tests name rows as the seed does, never by number), and find report items.
 * Every finder throws with the candidates listed when it finds nothing, so a failing golden test
 * says what the engine produced instead.
 */
import { join } from 'node:path';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import { analyzeWorkbook } from '../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../src/domain/grid';
import type {
  AnalyzeOptions,
  Check,
  Indicator,
  Report,
  Risk,
  Variance,
} from '../../src/domain/report';

export const ROOT = join(__dirname, '..', '..');

/** A fixture workbook read and analysed. */
export interface Golden {
  readonly snapshot: WorkbookSnapshot;
  readonly report: Report;
}

/** Reads `tests/fixtures/<file>` (or a path from the repository root) and analyses it. */
export async function loadGolden(file: string, options: AnalyzeOptions = {}): Promise<Golden> {
  const path = file.includes('/') ? join(ROOT, file) : join(ROOT, 'tests', 'fixtures', file);
  const snapshot = await readWorkbookFile(path);
  return { snapshot, report: analyzeWorkbook(snapshot, options) };
}

/** Folds white space (incl. U+00A0, line breaks) and trims, for comparing labels. */
export function norm(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
}

/**
 * The 1-based row whose first non-empty cell starts with `label` (after folding spaces).
 * `nth` picks a later occurrence (0 = first); `after` only looks below that row.
 */
export function rowOf(
  snapshot: WorkbookSnapshot,
  sheet: string,
  label: string,
  opts: { nth?: number; after?: number } = {},
): number {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s)
    throw new Error(`No sheet ${sheet}; sheets: ${snapshot.sheets.map((x) => x.name).join(', ')}`);
  const want = norm(label);
  let seen = 0;
  for (let i = 0; i < s.values.length; i++) {
    const row = i + s.origin.row;
    if (opts.after !== undefined && row <= opts.after) continue;
    const first = (s.values[i] ?? []).find((v) => v !== null && v !== '');
    if (typeof first === 'string' && norm(first).startsWith(want)) {
      if (seen === (opts.nth ?? 0)) return row;
      seen++;
    }
  }
  throw new Error(`No row starting with "${label}" on sheet ${sheet}`);
}

/** Rows `first..last` inclusive, as a predicate on report items. */
export function inRows(sheet: string, first: number, last: number) {
  return (item: { sheet: string | null; row?: number }): boolean =>
    item.sheet === sheet && item.row !== undefined && item.row >= first && item.row <= last;
}

function listing(items: readonly object[]): string {
  return items.length === 0 ? '(none)' : items.map((i) => JSON.stringify(i)).join('\n');
}

/**
 * The variance on `sheet`/`row` whose actual column header starts with `actual` (e.g.
 * `Prognos 2023`); throws unless exactly one matches.
 */
export function varianceAt(report: Report, sheet: string, row: number, actual?: string): Variance {
  const found = report.variances.filter(
    (v) =>
      v.sheet === sheet &&
      v.row === row &&
      (actual === undefined || norm(v.actual).startsWith(actual)),
  );
  if (found.length !== 1) {
    const near = report.variances.filter((v) => v.sheet === sheet && v.row === row);
    throw new Error(
      `Expected one variance at ${sheet}!row ${row}${actual ? ` (actual ${actual})` : ''}, found ${found.length}. At that row:\n${listing(near)}`,
    );
  }
  return found[0] as Variance;
}

/** The indicator assessed on `sheet`/`row`; throws unless exactly one. */
export function indicatorAt(report: Report, sheet: string, row: number): Indicator {
  const found = report.indicators.filter((i) => i.sheet === sheet && i.row === row);
  if (found.length !== 1) {
    const names = report.indicators
      .filter((i) => i.sheet === sheet)
      .map((i) => `${i.row}: ${i.name}`);
    throw new Error(
      `Expected one indicator at ${sheet}!row ${row}, found ${found.length}. Indicators on ${sheet}:\n${names.join('\n') || '(none)'}`,
    );
  }
  return found[0] as Indicator;
}

/** The one indicator whose name starts with `prefix` (spaces folded); throws otherwise. */
export function indicatorNamed(report: Report, prefix: string): Indicator {
  const want = norm(prefix);
  const found = report.indicators.filter((i) => norm(i.name).startsWith(want));
  if (found.length !== 1) {
    throw new Error(
      `Expected one indicator named "${prefix}...", found ${found.length}. All:\n${report.indicators.map((i) => `${i.sheet}!${i.row}: ${i.name}`).join('\n') || '(none)'}`,
    );
  }
  return found[0] as Indicator;
}

/** Checks reported at a cell (`F21`) on a sheet. */
export function checksAt(report: Report, sheet: string, cell: string): Check[] {
  return report.checks.filter((c) => c.sheet === sheet && c.cell === cell);
}

/** The risk whose text starts with `prefix`; throws unless exactly one. */
export function riskNamed(report: Report, prefix: string): Risk {
  const found = report.risks.filter((r) => norm(r.risk).startsWith(norm(prefix)));
  if (found.length !== 1) {
    throw new Error(
      `Expected one risk "${prefix}...", found ${found.length}. All:\n${listing(report.risks)}`,
    );
  }
  return found[0] as Risk;
}

/** The detected table whose range starts at `topLeft` (`A5`) on `sheet`; throws otherwise. */
export function tableAt(report: Report, sheet: string, topLeft: string) {
  const found = report.tables.filter((t) => t.sheet === sheet && t.range.startsWith(`${topLeft}:`));
  if (found.length !== 1) {
    throw new Error(
      `Expected one table at ${sheet}!${topLeft}, found ${found.length}. Tables on ${sheet}:\n${listing(report.tables.filter((t) => t.sheet === sheet))}`,
    );
  }
  return found[0]!;
}

/** `[label, variance]` pairs, for compact exact comparisons. */
export function pairs(variances: readonly Variance[]): [string, number][] {
  return variances.map((v) => [norm(v.label), v.variance]);
}

/**
 * The text lines directly above `headerRow` up to the first empty row, top first: the lines
 * that can be a table's title. A line across an empty row (a document title, a previous table's
 * note) is not the table's title.
 */
export function titleBlock(snapshot: WorkbookSnapshot, sheet: string, headerRow: number): string[] {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`No sheet ${sheet}`);
  const lines: string[] = [];
  for (let row = headerRow - 1; row >= s.origin.row; row--) {
    const first = (s.values[row - s.origin.row] ?? []).find((v) => v !== null && v !== '');
    if (first === undefined) break;
    lines.unshift(String(first));
  }
  return lines;
}

/**
 * Tables whose title is not a line of the block touching their header (see `titleBlock`): a
 * title taken across an empty row is a document heading or the previous table's note.
 * Returns `sheet!range: "title"` strings, empty when every title is right.
 */
export function misplacedTitles(g: Golden): string[] {
  return g.report.tables
    .filter((t) => {
      if (t.title === null) return false;
      const top = Number(/^[A-Z]+(\d+):/.exec(t.range)?.[1] ?? 0);
      return !titleBlock(g.snapshot, t.sheet, top).includes(t.title);
    })
    .map((t) => `${t.sheet}!${t.range}: "${t.title}"`);
}

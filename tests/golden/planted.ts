/**
 * Planted errors (issue 7, item 2): change one printed figure that feeds a total or a printed
 * variance by clearly more than rounding, analyse again, and ask whether the engine reports a
 * mismatch where a reader would look (at the figure, or at a printed figure computed from it) and
 * nowhere else.
 *
 * The dependencies come from a declared structure (`DeclaredStructure`: the sums, variance columns,
 * differences and relations a reader sees in the document), never from the engine's output, so a
 * table the engine misreads still gets its figures planted.
 *
 * Example: Mellerud's `Summa` Utfall 721 becomes 771; a mismatch at E10 (the total) or at F10 (its
 * printed Avvikelse, computed from it) is a hit, a mismatch at E9 or nothing at all is a miss.
 */
import { analyzeWorkbook } from '../../src/domain/analyze';
import {
  address,
  parseAddress,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../../src/domain/grid';
import type { Check, Problem, Report } from '../../src/domain/report';
import type {
  ExpectedDifference,
  ExpectedShare,
  ExpectedRelation,
  ExpectedSum,
  ExpectedTable,
  ExpectedVarianceColumn,
  RowRef,
} from '../fixtures/wild/types';
import {
  refName,
  resolveListedRow,
  resolveParts,
  resolveRow,
  rowLabel,
  sheetOf,
  valueAt,
} from './wildHelpers';

/**
 * What a reader sees of a workbook's arithmetic. A `WildFixture` is one as it stands; `tables`
 * (where each table starts) only groups the planted figures per table.
 */
export interface DeclaredStructure {
  readonly tables?: readonly Pick<ExpectedTable, 'sheet' | 'topLeft'>[];
  readonly sums: readonly ExpectedSum[];
  readonly varianceColumns: readonly ExpectedVarianceColumn[];
  readonly differences?: readonly ExpectedDifference[];
  readonly relations?: readonly ExpectedRelation[];
  /** Printed variance shares: they depend on their row's variance and budget (not linear). */
  readonly shares?: readonly ExpectedShare[];
}

/**
 * `line`: a part of a sum, or the actual or budget figure of a row with a printed variance;
 * `total`: a total's figure in a summed column; `variance`: a printed variance (on a total row
 * too: it is printed in the variance column).
 */
export type PlantKind = 'line' | 'total' | 'variance';
export const PLANT_KINDS: readonly PlantKind[] = ['line', 'total', 'variance'];

/** A figure that can be planted, and the printed figures computed from it. */
export interface Plantable {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** A1, e.g. `E10`. */
  readonly cell: string;
  readonly label: string;
  readonly kind: PlantKind;
  /** `Sheet!A5`: the declared table it lies in (the sheet's name when none is declared). */
  readonly table: string;
  /**
   * Cells (A1, same sheet) where a mismatch also points at this figure: the totals whose parts
   * include it, transitively; the printed variance, difference or relation of its row it is a term
   * of; for a printed variance, the totals over its row in the variance column.
   */
  readonly dependents: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Figures as shown: a scaled integer and how it was written
// ---------------------------------------------------------------------------------------------

const GROUP_CHARS = ' \u00a0\u202f\u2009';
const TEXT_NUMBER =
  /^(\s*)([-−–+]?)(\s?)(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)(?:([,.])(\d+))?(\s*%)?(\s*)$/u;

/** A figure as the cell shows it: `n / 10^decimals` in the cell's own units. */
interface Shown {
  readonly n: number;
  readonly decimals: number;
}

interface TextStyle {
  readonly lead: string;
  readonly sign: string;
  readonly signGap: string;
  readonly group: string | null;
  readonly intDigits: number;
  readonly decimalSep: string;
  readonly percent: string;
  readonly trail: string;
}

function parseText(text: string): { shown: Shown; style: TextStyle } | null {
  const m = TEXT_NUMBER.exec(text);
  if (!m) return null;
  const [
    ,
    lead = '',
    sign = '',
    signGap = '',
    int = '',
    sep = ',',
    frac = '',
    pct = '',
    trail = '',
  ] = m;
  const digits = int.replace(/[ \u00a0\u202f\u2009]/g, '');
  const group = [...int].find((ch) => GROUP_CHARS.includes(ch)) ?? null;
  const negative = sign !== '' && sign !== '+';
  const n = Number(digits + frac) * (negative ? -1 : 1);
  if (!Number.isSafeInteger(n)) return null;
  return {
    shown: { n, decimals: frac.length },
    style: {
      lead,
      sign,
      signGap,
      group,
      intDigits: digits.length,
      decimalSep: sep,
      percent: pct,
      trail,
    },
  };
}

/** Decimals a number format shows (`#,##0` 0, `0.0` 1, `0.0%` 3 in the value's units); null = General. */
function formatDecimals(format: string | null): number | null {
  const f = (format ?? '').split(';')[0] ?? '';
  const bare = f.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (bare === '' || /^general$/i.test(bare.trim())) return null;
  const dec = /\.([0#?]+)/.exec(bare)?.[1]?.length ?? 0;
  return bare.includes('%') ? dec + 2 : dec;
}

function valueDecimals(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 0;
  return Math.min(6, text.split('.')[1]?.length ?? 0);
}

function shownNumber(value: number, format: string | null): Shown | null {
  const decimals = formatDecimals(format) ?? valueDecimals(value);
  const n = Math.round(value * 10 ** decimals);
  return Number.isSafeInteger(n) ? { n, decimals } : null;
}

/** The group separator and minus sign the sheet's text numbers use (default U+00A0 and `-`). */
function sheetTextStyle(sheet: SheetSnapshot): { group: string; minus: string } {
  let group: string | null = null;
  let minus: string | null = null;
  for (const row of sheet.values) {
    for (const v of row) {
      if (typeof v !== 'string') continue;
      const p = parseText(v);
      if (!p) continue;
      group ??= p.style.group;
      if (p.shown.n < 0) minus ??= p.style.sign;
      if (group !== null && minus !== null) return { group, minus };
    }
  }
  return { group: group ?? '\u00a0', minus: minus ?? '-' };
}

function formatText(
  shown: Shown,
  style: TextStyle,
  sheetStyle: { group: string; minus: string },
): string {
  const abs = String(Math.abs(shown.n)).padStart(shown.decimals + 1, '0');
  const int = abs.slice(0, abs.length - shown.decimals);
  const frac = abs.slice(abs.length - shown.decimals);
  // A cell written without groups keeps none when it was long enough to need them.
  const group = style.group ?? (style.intDigits >= 4 ? '' : sheetStyle.group);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = shown.n < 0;
  const origNegative = style.sign !== '' && style.sign !== '+';
  const sign = negative
    ? origNegative
      ? style.sign
      : sheetStyle.minus
    : style.sign === '+'
      ? '+'
      : '';
  const gap = negative && origNegative ? style.signGap : '';
  const decimals = shown.decimals > 0 ? `${style.decimalSep}${frac}` : '';
  return `${style.lead}${sign}${gap}${grouped}${decimals}${style.percent}${style.trail}`;
}

/** The figure a cell shows, or null when it holds no number (empty, a dash, words). */
function shownAt(sheet: SheetSnapshot, row: number, col: number): Shown | null {
  const v = valueAt(sheet, row, col);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    const format = sheet.formats[row - sheet.origin.row]?.[col - sheet.origin.col] ?? null;
    return shownNumber(v, format);
  }
  return typeof v === 'string' ? (parseText(v)?.shown ?? null) : null;
}

/**
 * The planted value: the shown figure plus max(10 % of it, 50 units of its last shown digit),
 * rounded to the decimals it shows, written as the cell was (a number keeps its format, a text
 * number its sign, groups and decimal comma). Example: `-10 882` (U+00A0) → `-9 794`.
 */
export function plantedValue(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const v = valueAt(sheet, row, col);
  const shown = shownAt(sheet, row, col);
  if (shown === null) throw new Error(`${address(row, col)} holds no figure`);
  const n = shown.n + Math.max(Math.round(Math.abs(shown.n) / 10), 50);
  const next = { n, decimals: shown.decimals };
  if (typeof v === 'number') return n / 10 ** shown.decimals;
  const parsed = parseText(String(v));
  if (!parsed) throw new Error(`${address(row, col)} holds no figure`);
  return formatText(next, parsed.style, sheetTextStyle(sheet));
}

function withSheetValue(
  s: SheetSnapshot,
  row: number,
  col: number,
  value: CellValue,
): SheetSnapshot {
  const r = row - s.origin.row;
  const c = col - s.origin.col;
  const values = s.values.map((line, i) => {
    if (i !== r) return line;
    const copy = [...line];
    while (copy.length <= c) copy.push(null);
    copy[c] = value;
    return copy;
  });
  return { ...s, values };
}

// ---------------------------------------------------------------------------------------------
// The declared structure as a graph of cells
// ---------------------------------------------------------------------------------------------

const RANK: Record<PlantKind, number> = { line: 0, total: 1, variance: 2 };

class Graph {
  readonly kinds = new Map<string, PlantKind>();
  /** cell → totals it is a part of (one step). */
  readonly sumParents = new Map<string, Set<string>>();
  /** cell → printed row figures it is a term of. */
  readonly rowDependents = new Map<string, Set<string>>();
  readonly problems: string[] = [];

  mark(sheet: string, cell: string, kind: PlantKind): void {
    const k = `${sheet}!${cell}`;
    const was = this.kinds.get(k);
    if (was === undefined || RANK[kind] > RANK[was]) this.kinds.set(k, kind);
  }

  edge(map: Map<string, Set<string>>, sheet: string, from: string, to: string): void {
    const k = `${sheet}!${from}`;
    let set = map.get(k);
    if (!set) map.set(k, (set = new Set()));
    set.add(to);
  }

  /** The cells a mismatch may point at for a figure planted at `cell`. */
  dependents(sheet: string, cell: string): string[] {
    const out = new Set<string>(this.rowDependents.get(`${sheet}!${cell}`) ?? []);
    const queue = [cell];
    const seen = new Set<string>([cell]);
    while (queue.length > 0) {
      const c = queue.pop() ?? '';
      for (const t of this.sumParents.get(`${sheet}!${c}`) ?? []) {
        if (seen.has(t)) continue;
        seen.add(t);
        out.add(t);
        queue.push(t);
      }
    }
    out.delete(cell);
    return [...out].sort(byCell);
  }
}

function byCell(a: string, b: string): number {
  const x = parseAddress(a);
  const y = parseAddress(b);
  return x.row - y.row || x.col - y.col;
}

function tryOr<T>(problems: string[], what: string, f: () => T): T | null {
  try {
    return f();
  } catch (error) {
    problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Every printed row figure as signed terms of its row: variance columns, differences, relations. */
interface RowFormula {
  readonly sheet: string;
  readonly printed: string;
  readonly terms: readonly { readonly col: string; readonly sign: 1 | -1 }[];
  readonly rows: readonly (string | RowRef)[];
  readonly variance: boolean;
}

function rowFormulas(structure: DeclaredStructure): RowFormula[] {
  const term = (col: string, sign: 1 | -1) => ({ col, sign });
  return [
    ...structure.varianceColumns.map((v) => ({
      sheet: v.sheet,
      printed: v.printed,
      terms:
        v.formula === 'actual-minus-budget'
          ? [term(v.actual, 1), term(v.baseline, -1)]
          : [term(v.baseline, 1), term(v.actual, -1)],
      rows: v.rows,
      variance: true,
    })),
    ...(structure.differences ?? []).map((d) => ({
      sheet: d.sheet,
      printed: d.printed,
      terms: [term(d.left, 1), term(d.right, -1)],
      rows: d.rows,
      variance: false,
    })),
    ...(structure.relations ?? []).map((r) => ({ ...r, variance: false })),
  ];
}

function buildGraph(snapshot: WorkbookSnapshot, structure: DeclaredStructure): Graph {
  const g = new Graph();
  const sums: { sheet: string; total: number; parts: number[] }[] = [];
  for (const s of structure.sums) {
    const resolved = tryOr(g.problems, `sum ${refName(s)}`, () => ({
      total: resolveRow(snapshot, s),
      parts: resolveParts(snapshot, s),
    }));
    if (!resolved) continue;
    sums.push({ sheet: s.sheet, ...resolved });
    for (const col of s.cols) {
      const t = `${col}${resolved.total}`;
      g.mark(s.sheet, t, 'total');
      for (const p of resolved.parts) {
        g.mark(s.sheet, `${col}${p}`, 'line');
        g.edge(g.sumParents, s.sheet, `${col}${p}`, t);
      }
    }
  }
  for (const f of rowFormulas(structure)) {
    for (const ref of f.rows) {
      const what = `${f.variance ? 'variance' : 'difference'} column ${f.sheet}!${f.printed}`;
      const row = tryOr(g.problems, what, () =>
        resolveListedRow(snapshot, f.sheet, ref, f.printed),
      );
      if (row === null) continue;
      const printed = `${f.printed}${row}`;
      if (f.variance) {
        g.mark(f.sheet, printed, 'variance');
        // A printed variance also feeds the variance column's totals over its row.
        for (const s of sums) {
          if (s.sheet === f.sheet && s.parts.includes(row)) {
            g.edge(g.sumParents, f.sheet, printed, `${f.printed}${s.total}`);
          }
        }
      }
      for (const { col } of f.terms) {
        if (f.variance) g.mark(f.sheet, `${col}${row}`, 'line');
        g.edge(g.rowDependents, f.sheet, `${col}${row}`, printed);
      }
    }
  }
  for (const sh of structure.shares ?? []) {
    for (const ref of sh.rows) {
      const what = `share column ${sh.sheet}!${sh.printed}`;
      const row = tryOr(g.problems, what, () =>
        resolveListedRow(snapshot, sh.sheet, ref, sh.printed),
      );
      if (row === null) continue;
      for (const col of [sh.variance, sh.baseline]) {
        g.edge(g.rowDependents, sh.sheet, `${col}${row}`, `${sh.printed}${row}`);
      }
    }
  }
  return g;
}

function tableOf(structure: DeclaredStructure, sheet: string, row: number, col: number): string {
  let best: { row: number; col: number; name: string } | null = null;
  for (const t of structure.tables ?? []) {
    if (t.sheet !== sheet) continue;
    const at = parseAddress(t.topLeft);
    if (at.row > row) continue;
    const better =
      best === null ||
      at.row > best.row ||
      (at.row === best.row && at.col <= col && at.col > best.col);
    if (better) best = { ...at, name: `${sheet}!${t.topLeft}` };
  }
  return best?.name ?? sheet;
}

/**
 * Every plantable figure of the declared structure that holds a number, in reading order, with
 * what it feeds; `problems` lists the rows of the structure that could not be found.
 */
export function plantableFigures(
  snapshot: WorkbookSnapshot,
  structure: DeclaredStructure,
): { figures: Plantable[]; problems: string[] } {
  const g = buildGraph(snapshot, structure);
  const figures: Plantable[] = [];
  for (const [key, kind] of g.kinds) {
    const bang = key.indexOf('!');
    const sheetName = key.slice(0, bang);
    const cell = key.slice(bang + 1);
    const { row, col } = parseAddress(cell);
    const sheet = sheetOf(snapshot, sheetName);
    if (shownAt(sheet, row, col) === null) continue;
    figures.push({
      sheet: sheetName,
      row,
      col,
      cell,
      label: rowLabel(sheet, row) ?? '',
      kind,
      table: tableOf(structure, sheetName, row, col),
      dependents: g.dependents(sheetName, cell),
    });
  }
  figures.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col);
  return { figures, problems: g.problems };
}

/** `k` items spread evenly over `items` (all of them when there are no more than `k`). */
function spread<T>(items: readonly T[], k: number): T[] {
  if (items.length <= k) return [...items];
  return Array.from({ length: k }, (_, i) => items[Math.floor((i * items.length) / k)] as T);
}

/**
 * At most `cap` figures of one table, spread over it: each kind gets a share of the cap in
 * proportion to its figures (at least one), spread over the table in reading order.
 */
export function choose(figures: readonly Plantable[], cap: number): Plantable[] {
  if (figures.length <= cap) return [...figures];
  const byKind = PLANT_KINDS.map((k) => figures.filter((f) => f.kind === k));
  const quota = byKind.map((fs) =>
    fs.length === 0 ? 0 : Math.max(1, Math.floor((cap * fs.length) / figures.length)),
  );
  let left = cap - quota.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0 && k < byKind.length; k = (k + 1) % byKind.length) {
    if (byKind.every((fs, i) => (quota[i] ?? 0) >= fs.length)) break;
    if ((quota[k] ?? 0) < (byKind[k]?.length ?? 0)) {
      quota[k] = (quota[k] ?? 0) + 1;
      left--;
    }
  }
  return byKind
    .flatMap((fs, i) => spread(fs, quota[i] ?? 0))
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

// ---------------------------------------------------------------------------------------------
// Planting and judging
// ---------------------------------------------------------------------------------------------

export interface PlantOutcome {
  readonly figure: Plantable;
  /** The cell as written, and as planted. */
  readonly original: string;
  readonly planted: string;
  readonly hit: boolean;
  /** `mismatch at E10 (sum …)`, `nothing reported`, `reported elsewhere at D9 (variance)`. */
  readonly reason: string;
}

export interface Recall {
  readonly hit: number;
  readonly total: number;
}

export interface PlantedRun {
  readonly outcomes: readonly PlantOutcome[];
  readonly recall: Record<PlantKind, Recall>;
  readonly misses: readonly PlantOutcome[];
  /** Rows of the declared structure that could not be found (a broken structure, not a miss). */
  readonly unresolved: readonly string[];
}

export interface PlantOptions {
  /** Figures planted per table at most (default 40), spread over the table. */
  readonly maxPerTable?: number;
}

const checkKey = (c: Check): string =>
  `${c.sheet}!${c.cell}|${c.kind}|${String(c.reported)}|${String(c.computed)}`;
const problemKey = (p: Problem): string => `${p.code}@${p.cell ?? ''}`;

function checkNote(c: Check): string {
  return `${c.cell} (${c.kind}: reported ${String(c.reported)}, computed ${String(c.computed)})`;
}

/** One sheet alone: checks are per sheet, and a small workbook is analysed quickly. */
function analyseSheet(snapshot: WorkbookSnapshot, sheet: SheetSnapshot): Report {
  return analyzeWorkbook({ name: snapshot.name, sheets: [sheet] });
}

/**
 * HIT when `planted` has a mismatch not in `base` at the figure's cell or one of its dependents,
 * and none at a cell that had none in `base`; otherwise MISS with why. Exported for its tests.
 */
export function judgePlant(
  figure: Pick<Plantable, 'cell' | 'dependents'>,
  base: Report,
  planted: Report,
): { hit: boolean; reason: string } {
  const allowed = new Set([figure.cell, ...figure.dependents]);
  const baseMismatches = base.checks.filter((c) => c.severity === 'mismatch');
  const before = new Set(baseMismatches.map(checkKey));
  const flagged = new Set(baseMismatches.map((c) => `${c.sheet}!${c.cell}`));
  const mismatches = planted.checks.filter((c) => c.severity === 'mismatch');
  // At the right cells a mismatch counts when the plant changed it; elsewhere, a cell already
  // flagged before the plant is no new alarm to the reader.
  const right = mismatches.filter((c) => allowed.has(c.cell) && !before.has(checkKey(c)));
  const elsewhere = mismatches.filter(
    (c) => !allowed.has(c.cell) && !flagged.has(`${c.sheet}!${c.cell}`),
  );
  if (right.length > 0 && elsewhere.length === 0) {
    return { hit: true, reason: `mismatch at ${right.map(checkNote).join(', ')}` };
  }
  if (elsewhere.length > 0) {
    const besides = right.length > 0 ? `, besides ${right.map((c) => c.cell).join(', ')}` : '';
    return {
      hit: false,
      reason: `reported elsewhere at ${elsewhere.map(checkNote).join(', ')}${besides}`,
    };
  }
  const rounding = planted.checks.filter((c) => c.severity === 'rounding' && allowed.has(c.cell));
  const known = new Set(base.problems.map(problemKey));
  const problems = planted.problems.filter((p) => !known.has(problemKey(p)));
  const notes = [
    rounding.length > 0 ? `only rounding at ${rounding.map((c) => c.cell).join(', ')}` : '',
    problems.length > 0
      ? `new problems: ${problems.map((p) => `${p.code}${p.cell ? ` at ${p.cell}` : ''}`).join(', ')}`
      : '',
  ].filter((x) => x !== '');
  return {
    hit: false,
    reason: `nothing reported${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`,
  };
}

function written(v: CellValue): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/**
 * Plants every chosen figure of the declared structure, one at a time, and judges each: a HIT
 * when a new mismatch is reported at the figure's cell or at a cell that depends on it
 * (`Plantable.dependents`) and no new mismatch anywhere else (compared with the unplanted
 * workbook's checks); otherwise a MISS with why. Each plant re-analyses its sheet alone.
 */
export function runPlanted(
  snapshot: WorkbookSnapshot,
  structure: DeclaredStructure,
  options: PlantOptions = {},
): PlantedRun {
  const cap = options.maxPerTable ?? 40;
  const { figures, problems } = plantableFigures(snapshot, structure);
  const byTable = new Map<string, Plantable[]>();
  for (const f of figures) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
  const baselines = new Map<string, Report>();
  const outcomes: PlantOutcome[] = [];
  for (const group of byTable.values()) {
    for (const figure of choose(group, cap)) {
      const sheet = sheetOf(snapshot, figure.sheet);
      let base = baselines.get(figure.sheet);
      if (!base) baselines.set(figure.sheet, (base = analyseSheet(snapshot, sheet)));
      const value = plantedValue(sheet, figure.row, figure.col);
      const report = analyseSheet(snapshot, withSheetValue(sheet, figure.row, figure.col, value));
      outcomes.push({
        figure,
        original: written(valueAt(sheet, figure.row, figure.col)),
        planted: written(value),
        ...judgePlant(figure, base, report),
      });
    }
  }
  return {
    outcomes,
    recall: recallOf(outcomes),
    misses: outcomes.filter((o) => !o.hit),
    unresolved: problems,
  };
}

/** Hits and plants per kind. */
export function recallOf(outcomes: readonly PlantOutcome[]): Record<PlantKind, Recall> {
  const out: Record<PlantKind, { hit: number; total: number }> = {
    line: { hit: 0, total: 0 },
    total: { hit: 0, total: 0 },
    variance: { hit: 0, total: 0 },
  };
  for (const o of outcomes) {
    out[o.figure.kind].total += 1;
    if (o.hit) out[o.figure.kind].hit += 1;
  }
  return out;
}

/** `12/40 (30 %)`, or `–` when nothing of the kind was planted. */
export function recallText(r: Recall): string {
  return r.total === 0 ? '–' : `${r.hit}/${r.total} (${Math.round((100 * r.hit) / r.total)} %)`;
}

/** One line per miss: `Ekonomi!E23 total "Reinvestering" 372 → 422: nothing reported`. */
export function missLine(o: PlantOutcome): string {
  const f = o.figure;
  return `${f.sheet}!${f.cell} ${f.kind} "${f.label.replace(/\s+/g, ' ')}" ${o.original} → ${o.planted}: ${o.reason}`;
}

// ---------------------------------------------------------------------------------------------
// Does the declared structure hold on the printed figures themselves?
// ---------------------------------------------------------------------------------------------

/** A printed figure the declared structure does not reproduce, beyond rounding. */
export interface Disagreement {
  readonly sheet: string;
  readonly cell: string;
  readonly printed: number;
  readonly computed: number;
  readonly what: string;
}

/**
 * Recomputes every declared sum, variance, difference and relation from the printed figures (no
 * engine involved) and lists the printed figures that differ by more than rounding: half a unit of
 * the last digit shown for every figure that went into it (1 tkr for a difference of two, 6 tkr
 * for a sum of twelve). Empty cells count as 0; a formula whose printed cell is empty is skipped.
 * For a structure taken right from a document, this is exactly the document's own errors.
 */
export function declaredDisagreements(
  snapshot: WorkbookSnapshot,
  structure: DeclaredStructure,
): Disagreement[] {
  const out: Disagreement[] = [];
  const compare = (
    sheetName: string,
    row: number,
    col: string,
    terms: readonly { row: number; col: string; sign: 1 | -1 }[],
    what: string,
  ): void => {
    const sheet = sheetOf(snapshot, sheetName);
    const target = parseAddress(`${col}${row}`);
    const printed = shownAt(sheet, target.row, target.col);
    if (printed === null) return;
    const shown = terms.map((t) => {
      const at = parseAddress(`${t.col}${t.row}`);
      return { sign: t.sign, v: shownAt(sheet, at.row, at.col) ?? { n: 0, decimals: 0 } };
    });
    const d = Math.max(printed.decimals, ...shown.map((x) => x.v.decimals));
    const scale = (x: Shown): number => x.n * 10 ** (d - x.decimals);
    const computed = shown.reduce((acc, x) => acc + x.sign * scale(x.v), 0);
    // Twice the values, so half units stay integers: |2·diff| ≤ count · unit.
    const unit = 10 ** (d - Math.min(printed.decimals, ...shown.map((x) => x.v.decimals)));
    if (2 * Math.abs(scale(printed) - computed) > terms.length * unit) {
      out.push({
        sheet: sheetName,
        cell: `${col}${row}`,
        printed: scale(printed) / 10 ** d,
        computed: computed / 10 ** d,
        what,
      });
    }
  };
  for (const s of structure.sums) {
    const total = resolveRow(snapshot, s);
    const parts = resolveParts(snapshot, s);
    for (const col of s.cols) {
      const terms = parts.map((row) => ({ row, col, sign: 1 as const }));
      compare(s.sheet, total, col, terms, `sum ${refName(s)}`);
    }
  }
  for (const f of rowFormulas(structure)) {
    for (const ref of f.rows) {
      const row = resolveListedRow(snapshot, f.sheet, ref, f.printed);
      const terms = f.terms.map((t) => ({ row, col: t.col, sign: t.sign }));
      compare(f.sheet, row, f.printed, terms, f.variance ? 'printed variance' : 'row formula');
    }
  }
  return out;
}

/**
 * The goal tree of a report laid out in reading order, as every Måluppfyllelse table shows it:
 * each goal of fullmäktige opening a section, each goal followed by its own indicators and then
 * by the goals under it; then the indicators under no goal; then följetal, apart, never counted as
 * a goal's. Both the audit sheet (`NP Måluppfyllelse`) and the document table are built from it.
 */
import { parseRange } from './grid';
import type { Goal, Indicator, Report, Table } from './report';

export type GoalOutlineEntry =
  /** A goal; `depth` 0 for a goal under none. `opensSection`: a KF goal at the top. */
  | { kind: 'goal'; goal: Goal; depth: number; opensSection: boolean }
  /** An indicator; `depth` is one more than its goal's (0 under no goal). */
  | { kind: 'indicator'; indicator: Indicator; depth: number; foljetal: boolean }
  /** Opens the indicators under no goal, or the följetal. */
  | { kind: 'section'; section: 'loose' | 'foljetal' };

/**
 * The outline of a report's goals and indicators. Without goals it is the indicators in order,
 * all at depth 0, with no sections (following the report's own order, följetal included).
 *
 * @example goalOutline(report).map((e) => e.kind) // → ['goal', 'indicator', 'goal', …]
 */
export function goalOutline(report: Report): GoalOutlineEntry[] {
  const foljetal = (i: Indicator): boolean =>
    tableAt(report.tables, i.sheet, i.row)?.kind === 'metrics';
  if (report.goals.length === 0) {
    return report.indicators.map((i) => ({
      kind: 'indicator',
      indicator: i,
      depth: 0,
      foljetal: foljetal(i),
    }));
  }
  const out: GoalOutlineEntry[] = [];
  const byGoal = new Map<string, Indicator[]>();
  for (const i of report.indicators) {
    if (i.goal === null) continue;
    const list = byGoal.get(i.goal);
    if (list) list.push(i);
    else byGoal.set(i.goal, [i]);
  }
  const children = new Map<string | null, Goal[]>();
  for (const g of report.goals) {
    const list = children.get(g.parent);
    if (list) list.push(g);
    else children.set(g.parent, [g]);
  }
  const visit = (g: Goal, depth: number): void => {
    out.push({ kind: 'goal', goal: g, depth, opensSection: g.level === 'kf' && depth === 0 });
    for (const i of byGoal.get(g.id) ?? []) {
      out.push({ kind: 'indicator', indicator: i, depth: depth + 1, foljetal: foljetal(i) });
    }
    for (const c of children.get(g.id) ?? []) visit(c, depth + 1);
  };
  for (const g of children.get(null) ?? []) visit(g, 0);
  const loose = report.indicators.filter((i) => i.goal === null && !foljetal(i));
  if (loose.length > 0) {
    out.push({ kind: 'section', section: 'loose' });
    for (const i of loose) out.push({ kind: 'indicator', indicator: i, depth: 0, foljetal: false });
  }
  const tracked = report.indicators.filter((i) => i.goal === null && foljetal(i));
  if (tracked.length > 0) {
    out.push({ kind: 'section', section: 'foljetal' });
    for (const i of tracked)
      out.push({ kind: 'indicator', indicator: i, depth: 0, foljetal: true });
  }
  return out;
}

/**
 * `tableAt` for many rows: every table's range parsed once, then the first table that holds the
 * sheet's row, as `tableAt` finds it.
 */
export function tableFinder(
  tables: readonly Table[],
): (sheet: string, row: number) => Table | undefined {
  const ranges = tables.map((t) => ({ table: t, range: parseRange(t.range) }));
  return (sheet, row) =>
    ranges.find((r) => r.table.sheet === sheet && row >= r.range.top && row <= r.range.bottom)
      ?.table;
}

/** The table (of the report) that holds a row of a sheet, if any. */
export function tableAt(tables: readonly Table[], sheet: string, row: number): Table | undefined {
  return tables.find((t) => {
    if (t.sheet !== sheet) return false;
    const r = parseRange(t.range);
    return row >= r.top && row <= r.bottom;
  });
}

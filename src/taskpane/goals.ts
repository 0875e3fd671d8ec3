/**
 * The goal tree as the pane's Mål view shows it: each goal with the indicators under it and the
 * goals under it, in the report's order; then the indicators under no goal; then the följetal
 * (indicators under no goal in a table of kind `metrics`), apart. Pure; no React.
 */
import type { Goal, Indicator, Report, Table } from '../domain/report';

/** One goal of the tree, with its own indicators and the goals under it. */
export interface GoalNode {
  goal: Goal;
  indicators: Indicator[];
  children: GoalNode[];
}

/** The Mål view's content. */
export interface GoalTree {
  roots: GoalNode[];
  /** Indicators under no goal that are not följetal. */
  loose: Indicator[];
  foljetal: Indicator[];
}

/** The row numbers a range such as `A5:D15` spans, or null when it is no range. */
function rowSpan(range: string): { top: number; bottom: number } | null {
  const match = /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/i.exec(range.replace(/\$/g, ''));
  if (match === null) return null;
  const top = Number(match[1]);
  return { top, bottom: match[2] === undefined ? top : Number(match[2]) };
}

/** The report's table that holds a row of a sheet, if any. */
function tableAt(tables: readonly Table[], sheet: string, row: number): Table | undefined {
  return tables.find((t) => {
    if (t.sheet !== sheet) return false;
    const span = rowSpan(t.range);
    return span !== null && row >= span.top && row <= span.bottom;
  });
}

/**
 * True for a följetal: an indicator under no goal in a table of kind `metrics`. Följetal have no
 * targets and no verdicts (domain.md, "Goals and their verdicts"): they are reported apart.
 */
export function isFoljetal(report: Report, indicator: Indicator): boolean {
  return (
    indicator.goal === null &&
    tableAt(report.tables, indicator.sheet, indicator.row)?.kind === 'metrics'
  );
}

/**
 * The tree of a report's goals. A goal whose parent is not among the goals is a root, so no goal
 * is lost to a dangling id.
 *
 * @example goalTree(mark).roots[0].children[0].goal.text // 'Nämndens mål: Bästa barnkommun'
 */
export function goalTree(report: Report): GoalTree {
  const nodes = new Map<string, GoalNode>();
  for (const goal of report.goals) nodes.set(goal.id, { goal, indicators: [], children: [] });
  const loose: Indicator[] = [];
  const foljetal: Indicator[] = [];
  for (const i of report.indicators) {
    const node = i.goal === null ? undefined : nodes.get(i.goal);
    if (node !== undefined) node.indicators.push(i);
    else if (isFoljetal(report, i)) foljetal.push(i);
    else loose.push(i);
  }
  const roots: GoalNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.goal.parent === null ? undefined : nodes.get(node.goal.parent);
    if (parent !== undefined && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, loose, foljetal };
}

/** A goal's count: indicators met, of those that count towards its verdict (följetal do not). */
export function goalCount(goal: Goal): { met: number; of: number } {
  return { met: goal.met, of: goal.met + goal.notMet + goal.unclear + goal.noOutcome };
}

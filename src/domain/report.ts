/**
 * The analysis report, version 1: the public shape of `../shared/spec/report-json.md`.
 * Field names here are a contract with other tools; add fields, never rename or drop them.
 */

export type TableKind = 'budget' | 'investments' | 'indicators' | 'metrics' | 'risks' | 'other';
export type Unit = 'kr' | 'tkr' | 'mnkr';
export type SignConvention = 'costs-negative' | 'costs-positive';

export interface Table {
  sheet: string;
  range: string;
  title: string | null;
  kind: TableKind;
  unit: Unit | null;
  signConvention: SignConvention | null;
  /** Added in 1.1: printed figures recomputed (totals, subtotals, variances, differences, risk values). */
  recomputed: number;
  /** Added in 1.1: printed totals and variances that could not be recomputed; each has a problem. */
  notRecomputed: number;
}

export type CheckStatus = 'ok' | 'rounding' | 'mismatch';

export interface Variance {
  sheet: string;
  row: number;
  /** Cell of the computed pair's actual value (extra field: where to click). */
  cell: string;
  label: string;
  baseline: string;
  actual: string;
  /** Null for a forecast deviation with no budget beside it. */
  baselineValue: number | null;
  /** Null for a forecast deviation: the table prints the deviation, not the forecast. */
  actualValue: number | null;
  /** Positive = favourable (lower cost or higher income than budget), in the table's unit. */
  variance: number;
  variancePercent: number | null;
  unit: Unit | null;
  reported: number | null;
  check: CheckStatus | null;
  /** Added in 1.1: `budget` (actual against budget) or `forecast-deviation` (printed deviation). */
  kind: VarianceKind;
  /** Added in 1.1: the row's text in a Kommentar / Förklaring / Orsak column, or null. */
  comment: string | null;
}

export type VarianceKind = 'budget' | 'forecast-deviation';

export type Direction = 'higher' | 'lower' | 'equal' | 'range' | 'unknown';
export type IndicatorStatus = 'met' | 'not-met' | 'no-target' | 'no-outcome' | 'unclear';

export interface Indicator {
  sheet: string;
  row: number;
  /** Cell of the name (extra field: where to click). */
  cell: string;
  name: string;
  target: string | null;
  targetPeriod: string | null;
  outcome: number | null;
  outcomePeriod: string | null;
  direction: Direction;
  status: IndicatorStatus;
  reason: string;
  /** Added in 1.1: the id of the goal it belongs to, or null. */
  goal: string | null;
  /** Added in 1.1: what gave the direction: an operator, a column, words, elsewhere, history. */
  directionSource: DirectionSource | null;
  /** Added in 1.1: the gender split of the outcome compared, or null. */
  outcomeWomen: number | null;
  outcomeMen: number | null;
}

export type DirectionSource = 'operator' | 'column' | 'words' | 'elsewhere' | 'history';

export interface Risk {
  sheet: string;
  row: number;
  cell: string;
  process: string | null;
  risk: string;
  probability: number;
  consequence: number;
  value: number;
  reportedValue: number | null;
  inPlan: boolean;
}

export type CheckKind = 'sum' | 'variance' | 'difference' | 'product' | 'relation';
export type CheckSeverity = 'rounding' | 'mismatch';

export interface Check {
  sheet: string;
  row: number;
  cell: string;
  label: string;
  kind: CheckKind;
  reported: number;
  computed: number;
  /** reported − computed, exact. */
  difference: number;
  severity: CheckSeverity;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface Problem {
  sheet: string | null;
  cell: string | null;
  severity: ProblemSeverity;
  code: string;
  /** In Swedish. */
  message: string;
  /** The values the message was built from, so another language can say it too (extra field). */
  params?: Record<string, string | number>;
}

export interface Report {
  schemaVersion: 1;
  workbook: string;
  tables: Table[];
  variances: Variance[];
  indicators: Indicator[];
  risks: Risk[];
  checks: Check[];
  problems: Problem[];
}

/** Options of one analysis. */
export interface AnalyzeOptions {
  /** Risks with value at or above this go into the internkontrollplan. Default 12. */
  riskThreshold?: number;
}

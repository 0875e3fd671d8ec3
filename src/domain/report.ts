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

export type CheckKind = 'sum' | 'variance' | 'difference' | 'product' | 'relation' | 'verdict';
export type CheckSeverity = 'rounding' | 'mismatch';

export interface Check {
  sheet: string;
  row: number;
  cell: string;
  label: string;
  kind: CheckKind;
  /** The printed figure; for a `verdict` check, the printed verdict (`helt`, `delvis`, …). */
  reported: number | string;
  /** The recomputed figure; for a `verdict` check, the verdict its indicators give. */
  computed: number | string;
  /** reported − computed, exact; 0 for a `verdict` check. */
  difference: number;
  severity: CheckSeverity;
}

export type GoalLevel = 'kf' | 'namnd' | 'other';
export type GoalVerdict = 'helt' | 'i-hog-grad' | 'delvis' | 'ej' | 'ej-bedomd';
export type GoalRule = 'share' | 'worst' | 'bands';

/** Added in 1.1: a goal of the plan's tree, with its verdict. */
export interface Goal {
  /** `G1`, `G2`, … in reading order. */
  id: string;
  sheet: string;
  row: number;
  cell: string;
  text: string;
  level: GoalLevel;
  parent: string | null;
  /** Indicators that belong to it directly. */
  indicators: number;
  met: number;
  notMet: number;
  unclear: number;
  noOutcome: number;
  verdict: GoalVerdict;
  rule: GoalRule;
  reportedVerdict: GoalVerdict | null;
  /** In Swedish: `2 av 4 indikatorer uppfyllda, 1 utan utfall; regel: andel`. */
  reason: string;
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
  /** Added in 1.1. */
  goals: Goal[];
  risks: Risk[];
  checks: Check[];
  problems: Problem[];
  /**
   * Added in 1.1: how complete a workbook made from the product's own templates is; null for any
   * other workbook.
   */
  template: Template | null;
}

export type TemplateKind =
  'uppfoljning-drift' | 'uppfoljning-investeringar' | 'maluppfyllelse' | 'internkontrollplan';
export type TemplateGapKind =
  'empty' | 'comment-required' | 'verdict-contradicts' | 'formula-overwritten' | 'risk-value-typed';

/** Added in 1.1: a filled template's completeness and gaps (report-json.md, "Template"). */
export interface Template {
  sheets: TemplateSheet[];
  /** filled ÷ required over all sheets, 0–100, one decimal (100 where nothing is required). */
  completeness: number;
  gaps: TemplateGap[];
}

export interface TemplateSheet {
  sheet: string;
  kind: TemplateKind;
  /** How many cells must be filled. */
  required: number;
  filled: number;
}

export interface TemplateGap {
  sheet: string;
  row: number;
  cell: string;
  kind: TemplateGapKind;
  /** In Swedish. */
  message: string;
}

/**
 * The formulas of a workbook's cells, which the grid (cached values) does not hold: sheet name →
 * A1 address → formula text without `=`. Given by an xlsx adapter for the product's own templates
 * only (`readFormulaCells`); a cell absent from a listed sheet holds no formula.
 */
export type FormulaCells = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** How goals are judged from their indicators (domain.md, "Goals and their verdicts"). */
export interface GoalSettings {
  /** `share` (default), `worst` or `bands`. */
  rule?: GoalRule;
  /** Four steps (helt, i hög grad, delvis, ej; default) or three (helt, delvis, ej). */
  scale?: 3 | 4;
  /** `share`: at least this percent met is i hög grad uppfyllt (four steps). Default 75. */
  upper?: number;
  /** `share`: at least this percent met is delvis uppfyllt (four steps). Default 25. */
  lower?: number;
  /** `bands`: an average outcome of at least this percent of target is helt. Default 100. */
  bandsHelt?: number;
  /** `bands`: at least this percent is delvis. Default 80. */
  bandsDelvis?: number;
}

/** Options of one analysis. */
export interface AnalyzeOptions {
  /** Risks with value at or above this go into the internkontrollplan. Default 12. */
  riskThreshold?: number;
  goals?: GoalSettings;
  /** The formulas of a template's cells, to tell a formula from a number typed over it. */
  formulas?: FormulaCells;
}

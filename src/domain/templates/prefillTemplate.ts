/**
 * What a template is pre-filled with when it is made from an analysed workbook: the verksamheter
 * and budgets of its budget tables, the projects of its investment tables, its goals with their
 * indicators and targets, its risks. The committee then fills in only outcomes, forecasts,
 * verdicts and comments.
 */
import type { Report, SignConvention, Unit, Variance } from '../report';
import {
  defaultThresholds,
  type AmountLine,
  type GoalLine,
  type RiskLine,
  type TemplateContent,
} from './templateModel';

/** Options of `prefillTemplate`. */
export interface PrefillOptions {
  /** The follow-up period: `delår 2025`. Default `period`. */
  period?: string;
  /** Four-step Bedömning list (default) or three. */
  scale?: 3 | 4;
}

/**
 * The template's content: from `report` when given, else empty (blank lines for the committee).
 * The budget year is the period's (`delår 2025` → 2025), else the source's budget column's.
 * Totals and subtotals of the source (rows with a `sum` or `relation` check, or labelled `Summa`,
 * `Totalt`) are left out: the
 * template's Summa row is a formula. Indicators without a target (följetal) are left out; a plain
 * target whose direction the engine knows gets its operator (`135`, higher → `≥ 135`), so the
 * committee's verdict can be checked against it.
 *
 * @example prefillTemplate(report, { period: 'delår 2025' }).drift[0]
 *   // → { label: 'Centralt socialtjänstförvaltningen', budget: -11507 }
 */
export function prefillTemplate(
  report: Report | null,
  options: PrefillOptions = {},
): TemplateContent {
  const period = options.period ?? 'period';
  const periodYear = /(?<!\d)(\d{4})(?!\d)/.exec(period);
  const budgetTables = report?.tables.filter((t) => t.kind === 'budget') ?? [];
  const investmentTables = report?.tables.filter((t) => t.kind === 'investments') ?? [];
  const drift = report ? amountLines(report, budgetTables) : { lines: [], first: null };
  const investments = report ? amountLines(report, investmentTables) : { lines: [], first: null };
  const sourceYear = drift.first ? /(?<!\d)(\d{4})(?!\d)/.exec(drift.first.baseline) : null;
  const unit: Unit | null =
    budgetTables[0]?.unit ?? investmentTables[0]?.unit ?? (report ? null : 'tkr');
  const convention: SignConvention = budgetTables[0]?.signConvention ?? 'costs-positive';
  return {
    period,
    budgetYear: periodYear ? Number(periodYear[1]) : sourceYear ? Number(sourceYear[1]) : null,
    unit,
    convention,
    thresholds: defaultThresholds(unit),
    scale: options.scale ?? 4,
    drift: drift.lines,
    investments: investments.lines,
    goals: report ? goalLines(report) : [],
    risks: report ? riskLines(report) : [],
  };
}

function amountLines(
  report: Report,
  tables: readonly { sheet: string; range: string }[],
): { lines: AmountLine[]; first: Variance | null } {
  const sums = new Set(
    report.checks
      .filter((c) => c.kind === 'sum' || c.kind === 'relation')
      .map((c) => `${c.sheet}\u0000${c.row}`),
  );
  const inTable = (v: Variance): boolean =>
    tables.some((t) => t.sheet === v.sheet && withinRows(t.range, v.row));
  const lines: AmountLine[] = [];
  const seen = new Set<string>();
  let first: Variance | null = null;
  for (const v of report.variances) {
    const key = `${v.sheet}\u0000${v.row}`;
    if (!inTable(v) || sums.has(key) || seen.has(key) || TOTAL_LABEL.test(v.label)) continue;
    seen.add(key);
    first ??= v;
    lines.push({ label: v.label, budget: v.baselineValue });
  }
  return { lines, first };
}

/** A label that announces a total (`Summa`, `Totalt`, `Total budget`): the template's Summa row. */
const TOTAL_LABEL = /^(summa|totalt?|sa)(?![\p{L}])/iu;

function withinRows(range: string, row: number): boolean {
  const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
  return m !== null && row >= Number(m[1]) && row <= Number(m[2]);
}

function goalLines(report: Report): GoalLine[] {
  const lines: GoalLine[] = [];
  const withTarget = report.indicators.filter((i) => i.target !== null);
  const indicatorLine = (i: (typeof withTarget)[number]): GoalLine => ({
    kind: 'indicator',
    name: i.name,
    target: withOperator(i.target ?? '', i.direction),
  });
  for (const i of withTarget) if (i.goal === null) lines.push(indicatorLine(i));
  for (const g of report.goals) {
    lines.push({ kind: 'goal', level: g.level === 'kf' ? 'kf' : 'namnd', text: g.text });
    for (const i of withTarget) if (i.goal === g.id) lines.push(indicatorLine(i));
  }
  return lines;
}

/** `135` with a known direction gets its operator; a target with one is kept as written. */
function withOperator(target: string, direction: string): string {
  const t = target.trim();
  if (!/^[+\-−]?\d[\d\s\u00a0]*(?:[.,]\d+)?\s*%?$/.test(t)) return t;
  if (direction === 'higher') return `≥ ${t}`;
  if (direction === 'lower') return `≤ ${t}`;
  return t;
}

function riskLines(report: Report): RiskLine[] {
  return report.risks.map((r) => ({
    process: r.process,
    risk: r.risk,
    probability: r.probability,
    consequence: r.consequence,
  }));
}

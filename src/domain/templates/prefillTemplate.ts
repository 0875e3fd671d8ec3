/**
 * What a template is pre-filled with when it is made from an analysed workbook: the verksamheter
 * and budgets of its budget tables, the projects of its investment tables, its goals with their
 * indicators and targets, its risks. The committee then fills in only outcomes, forecasts,
 * verdicts and comments.
 */
import { Decimal } from '../decimal';
import type { Report, SignConvention, Unit, Variance } from '../report';
import { isMoneyKindLabel } from '../signConvention';
import { isTotalLabel } from '../tableRows';
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
  /**
   * The comment-required rule's thresholds, each defaulting to `defaultThresholds(unit)`: an
   * amount in the template's unit (the source's), a percent of the budget.
   */
  thresholds?: { amount?: number | null; percent?: number | null };
}

/**
 * The template's content: from `report` when given, else empty (blank lines for the committee).
 * The budget year is the period's (`delår 2025` → 2025), else the source's budget column's.
 * The money sheets' lines are the source tables' verksamheter (`tableLines`): its totals,
 * subtotals and results are the template's Summa formula, not lines. Indicators without a target (följetal) are left out; a plain
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
    thresholds: {
      amount: options.thresholds?.amount ?? defaultThresholds(unit).amount,
      percent: options.thresholds?.percent ?? defaultThresholds(unit).percent,
    },
    scale: options.scale ?? 4,
    drift: drift.lines,
    investments: investments.lines,
    goals: report ? goalLines(report) : [],
    risks: report ? riskLines(report) : [],
  };
}

/** One row of a source table as the pre-filling sees it: its first comparison's figures. */
interface SourceRow {
  v: Variance;
  baseline: Decimal | null;
  actual: Decimal | null;
}

function amountLines(
  report: Report,
  tables: readonly { sheet: string; range: string }[],
): { lines: AmountLine[]; first: Variance | null } {
  const checked = new Set(
    report.checks
      .filter((c) => c.kind === 'sum' || c.kind === 'relation')
      .map((c) => `${c.sheet}\u0000${c.row}`),
  );
  const lines: AmountLine[] = [];
  let first: Variance | null = null;
  for (const t of tables) {
    const seen = new Set<number>();
    const rows: SourceRow[] = [];
    for (const v of report.variances) {
      if (v.sheet !== t.sheet || !withinRows(t.range, v.row) || seen.has(v.row)) continue;
      seen.add(v.row);
      rows.push({ v, baseline: decimal(v.baselineValue), actual: decimal(v.actualValue) });
    }
    rows.sort((a, b) => a.v.row - b.v.row);
    for (const v of tableLines(rows, (r) => checked.has(`${t.sheet}\u0000${r.v.row}`))) {
      first ??= v;
      lines.push({ label: v.label, budget: v.baselineValue });
    }
  }
  return { lines, first };
}

const decimal = (n: number | null): Decimal | null => (n === null ? null : new Decimal(n));

/**
 * A table's lines as the template's lines: its verksamheter, never its totals. A total, subtotal
 * or result row of the source is the template's own Summa formula, not a line: a row the engine
 * calls a total (`Summa`, `Totalt`, `Nettokostnader`, `Årets resultat`: `isTotalLabel`), a row it
 * checked as a sum, or one whose budget and actual are the sum of the lines right above it. A
 * category row whose figures are the sum of the lines right under it (`Reinvestering` over
 * `Inventarier`, `IT-utrustning`) stands for them and is left out too. Where the table breaks one
 * total down twice, by kind of money (`Intäkter`, `Personalkostnader` … `Nettokostnader`) and by
 * verksamhet (`Funktionsstöd` … `Nettokostnader`), the lines are the verksamheter: the kinds count
 * the same money a second time.
 */
function tableLines(rows: readonly SourceRow[], checked: (r: SourceRow) => boolean): Variance[] {
  const sections: SourceRow[][] = [[]];
  for (const r of rows) {
    const open = sections[sections.length - 1] ?? [];
    if (isTotalLabel(r.v.label) || checked(r) || sumsRun(r, open, open.length - 1, -1))
      sections.push([]);
    else open.push(r);
  }
  const parts = sections.map((section) => section.filter((r, i) => !sumsRun(r, section, i + 1, 1)));
  const byVerksamhet = parts.some(
    (p) => p.length > 0 && !p.every((r) => isMoneyKindLabel(r.v.label)),
  );
  const out: Variance[] = [];
  for (const section of parts) {
    if (byVerksamhet && section.every((r) => isMoneyKindLabel(r.v.label))) continue;
    for (const r of section) out.push(r.v);
  }
  return out;
}

/** A total or category sums at most this many lines (the engine's own bound, `totals.ts`). */
const MAX_RUN = 60;

/**
 * True when `row`'s budget and actual (not zero) are the exact sum of two or more of `lines`
 * from index `from` on, going up (`step` −1: a total under its lines) or down (`step` 1: a
 * category over its parts).
 */
function sumsRun(row: SourceRow, lines: readonly SourceRow[], from: number, step: -1 | 1): boolean {
  const { baseline, actual } = row;
  if (baseline === null || actual === null || baseline.isZero()) return false;
  let b = new Decimal(0);
  let a = new Decimal(0);
  for (let k = 1; k <= MAX_RUN; k++) {
    const line = lines[from + (k - 1) * step];
    if (!line?.baseline || !line.actual) return false;
    b = b.plus(line.baseline);
    a = a.plus(line.actual);
    if (k >= 2 && b.eq(baseline) && a.eq(actual)) return true;
  }
  return false;
}

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

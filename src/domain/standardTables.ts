/**
 * The standard tables of a report, as plain `ReportSheet`s: what the CLI's report workbook
 * (ExcelJS) and the task pane's report sheets (Office.js) both render. Pure; Swedish texts.
 */
import Decimal from 'decimal.js';
import { verdictWords } from './goalVerdicts';
import { goalOutline, tableAt } from './goalOutline';
import { passesVarianceThreshold } from './varianceThreshold';
import type {
  GoalVerdict,
  Check,
  CheckKind,
  CheckStatus,
  Direction,
  Indicator,
  IndicatorStatus,
  ProblemSeverity,
  Report,
  Risk,
  Table,
  Variance,
} from './report';
import type { CellRole, ReportRow, ReportSheet } from './reportSheets';

/** Options of `buildReportSheets`. */
export interface ReportSheetOptions {
  /** Risks with riskvärde at or above this are in the internkontrollplan (shown in the title). */
  riskThreshold: number;
  /**
   * Unfavourable variances beyond this percent of the budget (`passesVarianceThreshold`: the rule
   * the CLI's summary and the pane use too) are marked red (role `status-not-met` on the
   * Avvikelse % cell). Without it nothing is marked.
   */
  varianceThresholdPercent?: number;
}

/** Names of the generated sheets; `NP ` keeps them apart from the user's own sheets. */
export const REPORT_SHEET_NAMES = {
  variances: 'NP Avvikelser',
  indicators: 'NP Måluppfyllelse',
  risks: 'NP Internkontroll',
  checks: 'NP Kontroller',
} as const;

/** Swedish words for an indicator's status, as on the committee's own Måluppfyllelse tables. */
export const STATUS_TEXT: Record<IndicatorStatus, string> = {
  met: 'Uppfyllt',
  'not-met': 'Ej uppfyllt',
  unclear: 'Oklart',
  'no-outcome': 'Utfall saknas',
  'no-target': 'Mål saknas',
};

/** A goal's verdict as the sheet writes it, capitalised like the indicators' statuses. */
export const VERDICT_TEXT: Record<GoalVerdict, string> = {
  helt: 'Helt uppfyllt',
  'i-hog-grad': 'I hög grad uppfyllt',
  delvis: 'Delvis uppfyllt',
  ej: 'Ej uppfyllt',
  'ej-bedomd': 'Ej bedömd',
};

const STATUS_ROLE: Record<IndicatorStatus, CellRole> = {
  met: 'status-met',
  'not-met': 'status-not-met',
  unclear: 'status-unclear',
  'no-outcome': 'status-none',
  'no-target': 'status-none',
};

const DIRECTION_TEXT: Record<Direction, string> = {
  higher: 'Högre är bättre',
  lower: 'Lägre är bättre',
  equal: 'Lika med målet',
  range: 'Inom intervall',
  unknown: 'Okänd',
};

const CHECK_TEXT: Record<CheckStatus, string> = {
  ok: 'Stämmer',
  rounding: 'Avrundning',
  mismatch: 'Stämmer inte',
};

const CHECK_KIND_TEXT: Record<CheckKind, string> = {
  sum: 'Summa',
  variance: 'Avvikelse',
  difference: 'Differens',
  product: 'Produkt',
  relation: 'Samband',
  verdict: 'Bedömning',
};

const PROBLEM_SEVERITY_TEXT: Record<ProblemSeverity, string> = {
  error: 'Fel',
  warning: 'Varning',
  info: 'Info',
};

const PROBABILITY_WORDS = ['Osannolik', 'Mindre sannolik', 'Möjlig', 'Sannolik', 'Mycket sannolik'];
const CONSEQUENCE_WORDS = ['Försumbar', 'Lindrig', 'Kännbar', 'Allvarig', 'Mycket allvarig'];

/**
 * Builds the four standard report sheets from a report, in this order: `NP Avvikelser`,
 * `NP Måluppfyllelse`, `NP Internkontroll` (with the 5×5 risk matrix as a block),
 * `NP Kontroller` (with the problems as a block). Every sheet is present even when empty.
 *
 * Amounts are shown in their table's unit and sign; a variance is positive when favourable.
 * Percentages are in percent units (92 means 92 %), rounded to one decimal.
 *
 * @example buildReportSheets(report, { riskThreshold: 12 })[0].rows[0].values
 *   // → ['Ekonomi!A4:E11 – Ekonomisk sammanställning (tkr)', 'Äldreomsorg', 'Budget 2023',
 *   //    -412300, 'Prognos 2023', -419300, -7000, -1.7, -7000, 'Stämmer', 'Ekonomi!D6']
 */
export function buildReportSheets(report: Report, opts: ReportSheetOptions): ReportSheet[] {
  return [
    variancesSheet(report, opts),
    indicatorsSheet(report),
    risksSheet(report, opts),
    checksSheet(report),
  ];
}

/** `Ekonomi!A4:E11 – Ekonomisk sammanställning (tkr)`: where a table is, what it is, its unit. */
export function tableCaption(table: Table): string {
  const title = table.title?.trim() || 'Tabell utan rubrik';
  const hasUnit = table.unit !== null && new RegExp(`\\b${table.unit}\\b`, 'i').test(title);
  const unit = table.unit !== null && !hasUnit ? ` (${table.unit})` : '';
  return `${table.sheet}!${table.range} – ${title}${unit}`;
}

/** Decimals needed to show a number exactly, at most 2 (amounts are printed to whole or 0,1). */
function decimalsOf(value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  return Math.min(2, new Decimal(Number(value.toPrecision(15))).decimalPlaces());
}

function round1(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return new Decimal(Number(value.toPrecision(15))).toDecimalPlaces(1).toNumber();
}

function link(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

function variancesSheet(report: Report, opts: ReportSheetOptions): ReportSheet {
  // One group per source table, under a title row naming the table and its unit.
  const rows: ReportRow[] = [];
  let caption: string | null = null;
  for (const v of report.variances) {
    const row = varianceRow(report.tables, v, opts);
    const rowCaption = String(row.values[0]);
    if (rowCaption !== caption) {
      caption = rowCaption;
      rows.push({ kind: 'section', values: [caption, ...row.values.slice(1).map(() => null)] });
    }
    rows.push(row);
  }
  return {
    name: REPORT_SHEET_NAMES.variances,
    title: 'Budgetavvikelser per tabell (belopp i tabellens enhet; positiv avvikelse = överskott)',
    columns: [
      { header: 'Tabell', role: 'text', width: 44 },
      { header: 'Rad', role: 'text', width: 32 },
      { header: 'Budget avser', role: 'text', width: 16 },
      { header: 'Budget', role: 'amount', width: 13 },
      { header: 'Jämförs med', role: 'text', width: 18 },
      { header: 'Utfall/prognos', role: 'amount', width: 14 },
      { header: 'Avvikelse', role: 'amount', width: 12 },
      { header: 'Avvikelse %', role: 'percent', width: 12 },
      { header: 'Rapporterad avvikelse', role: 'amount', width: 13 },
      { header: 'Kontroll', role: 'text', width: 13 },
      { header: 'Källa', role: 'link', width: 14 },
    ],
    rows,
  };
}

function varianceRow(tables: readonly Table[], v: Variance, opts: ReportSheetOptions): ReportRow {
  const table = tableAt(tables, v.sheet, v.row);
  const caption = table ? tableCaption(table) : `${v.sheet}${v.unit ? ` (${v.unit})` : ''}`;
  const percent = round1(v.variancePercent);
  const roles: Record<number, CellRole> = {};
  if (v.check === 'mismatch') roles[9] = 'severity-mismatch';
  if (v.check === 'rounding') roles[9] = 'severity-rounding';
  const threshold = opts.varianceThresholdPercent;
  if (threshold !== undefined && passesVarianceThreshold(v, threshold)) {
    roles[7] = 'status-not-met';
  }
  const decimals: Record<number, number> = {};
  const amountDecimals = Math.max(
    decimalsOf(v.baselineValue),
    decimalsOf(v.actualValue),
    decimalsOf(v.variance),
    decimalsOf(v.reported),
  );
  if (amountDecimals > 0) for (const i of [3, 5, 6, 8]) decimals[i] = amountDecimals;
  return {
    values: [
      caption,
      v.label,
      v.baseline,
      v.baselineValue,
      v.actual,
      v.actualValue,
      v.variance,
      percent,
      v.reported,
      v.check === null ? null : CHECK_TEXT[v.check],
      link(v.sheet, v.cell),
    ],
    source: { sheet: v.sheet, cell: v.cell },
    ...(Object.keys(roles).length > 0 ? { roles } : {}),
    ...(amountDecimals > 0 ? { decimals } : {}),
  };
}

function indicatorsSheet(report: Report): ReportSheet {
  return {
    name: REPORT_SHEET_NAMES.indicators,
    title: 'Måluppfyllelse – indikatorer bedömda mot mål',
    columns: [
      { header: 'Indikator', role: 'text', width: 48 },
      { header: 'Mål', role: 'text', width: 10 },
      { header: 'Målperiod', role: 'text', width: 14 },
      { header: 'Utfall', role: 'amount', width: 10 },
      { header: 'Utfallsperiod', role: 'text', width: 16 },
      { header: 'Riktning', role: 'text', width: 16 },
      { header: 'Status', role: 'text', width: 14 },
      { header: 'Motivering', role: 'text', width: 60 },
      { header: 'Källa', role: 'link', width: 14 },
    ],
    rows: indicatorRows(report),
  };
}

/**
 * The Måluppfyllelse rows grouped by goal (`goalOutline`): each KF goal as a section, each goal's
 * row with its verdict (word and colour) and the count, its indicators under it; then indicators
 * under no goal; then följetal, in a table of their own, never counted as goals' indicators.
 */
function indicatorRows(report: Report): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const e of goalOutline(report)) {
    if (e.kind === 'section') {
      rows.push({
        kind: 'section',
        values: [
          e.section === 'loose' ? 'Indikatorer utan mål' : 'Följetal (utan mål, bedöms inte)',
        ],
      });
    } else if (e.kind === 'indicator') {
      rows.push(indicatorRow(e.indicator, '  '.repeat(e.depth)));
    } else {
      const g = e.goal;
      if (e.opensSection) {
        rows.push({
          kind: 'section',
          values: [`Fullmäktigemål: ${g.text} – ${verdictWords(g.verdict)}`],
        });
      }
      rows.push({
        values: [
          `${'  '.repeat(e.depth)}${g.text}`,
          null,
          null,
          null,
          null,
          null,
          VERDICT_TEXT[g.verdict],
          g.reason,
          link(g.sheet, g.cell),
        ],
        roles: { 6: `verdict-${g.verdict}` },
        source: { sheet: g.sheet, cell: g.cell },
      });
    }
  }
  return rows;
}

function indicatorRow(i: Indicator, indent = ''): ReportRow {
  const d = decimalsOf(i.outcome);
  return {
    values: [
      `${indent}${i.name}`,
      i.target,
      i.targetPeriod,
      i.outcome,
      i.outcomePeriod,
      DIRECTION_TEXT[i.direction],
      STATUS_TEXT[i.status],
      i.reason,
      link(i.sheet, i.cell),
    ],
    roles: { 6: STATUS_ROLE[i.status] },
    source: { sheet: i.sheet, cell: i.cell },
    ...(d > 0 ? { decimals: { 3: d } } : {}),
  };
}

function risksSheet(report: Report, opts: ReportSheetOptions): ReportSheet {
  return {
    name: REPORT_SHEET_NAMES.risks,
    title: `Internkontroll – riskvärde = sannolikhet × väsentlighet; i planen från riskvärde ${opts.riskThreshold}`,
    columns: [
      { header: 'Process', role: 'text', width: 28 },
      { header: 'Risk', role: 'text', width: 48 },
      { header: 'Sannolikhet', role: 'integer', width: 12 },
      { header: 'Väsentlighet', role: 'integer', width: 12 },
      { header: 'Riskvärde', role: 'integer', width: 11 },
      { header: 'I plan', role: 'text', width: 8 },
      { header: 'Källa', role: 'link', width: 14 },
    ],
    rows: report.risks.map(riskRow),
    blocks: [{ title: 'Riskmatris – antal risker per cell', grid: riskMatrix(report.risks) }],
  };
}

function riskRow(r: Risk): ReportRow {
  return {
    values: [
      r.process,
      r.risk,
      r.probability,
      r.consequence,
      r.value,
      r.inPlan ? 'Ja' : 'Nej',
      link(r.sheet, r.cell),
    ],
    source: { sheet: r.sheet, cell: r.cell },
  };
}

/**
 * The 5×5 risk matrix: a header row (`Sannolikhet \ Konsekvens`, then konsekvens 1..5), then one
 * row per sannolikhet from 5 down to 1, each cell the number of risks with that pair.
 * Risks whose values are outside 1..5 are not counted.
 */
export function riskMatrix(risks: readonly Risk[]): (string | number | null)[][] {
  const header: (string | number | null)[] = ['Sannolikhet \\ Konsekvens'];
  for (let c = 1; c <= 5; c++) header.push(`${c} ${CONSEQUENCE_WORDS[c - 1] ?? ''}`);
  const grid: (string | number | null)[][] = [header];
  for (let p = 5; p >= 1; p--) {
    const row: (string | number | null)[] = [`${p} ${PROBABILITY_WORDS[p - 1] ?? ''}`];
    for (let c = 1; c <= 5; c++) {
      row.push(risks.filter((r) => r.probability === p && r.consequence === c).length);
    }
    grid.push(row);
  }
  return grid;
}

function checksSheet(report: Report): ReportSheet {
  const problems: (string | number | null)[][] = [['Allvar', 'Kod', 'Var', 'Meddelande']];
  for (const p of report.problems) {
    const where = p.sheet !== null ? (p.cell !== null ? link(p.sheet, p.cell) : p.sheet) : p.cell;
    problems.push([PROBLEM_SEVERITY_TEXT[p.severity], p.code, where, p.message]);
  }
  return {
    name: REPORT_SHEET_NAMES.checks,
    title: 'Kontroller – omräknade belopp som inte stämmer med de rapporterade',
    columns: [
      { header: 'Cell', role: 'link', width: 14 },
      { header: 'Rad', role: 'text', width: 36 },
      { header: 'Typ', role: 'text', width: 12 },
      { header: 'Rapporterat', role: 'amount', width: 13 },
      { header: 'Beräknat', role: 'amount', width: 13 },
      { header: 'Differens', role: 'amount', width: 11 },
      { header: 'Bedömning', role: 'text', width: 14 },
    ],
    rows: report.checks.map(checkRow),
    blocks: [{ title: 'Problem vid läsningen', grid: problems }],
  };
}

function checkRow(c: Check): ReportRow {
  const figure = (x: number | string): number | null => (typeof x === 'number' ? x : null);
  const d = Math.max(
    decimalsOf(figure(c.reported)),
    decimalsOf(figure(c.computed)),
    decimalsOf(c.difference),
  );
  return {
    values: [
      link(c.sheet, c.cell),
      c.label,
      CHECK_KIND_TEXT[c.kind],
      typeof c.reported === 'string' ? verdictWords(c.reported) : c.reported,
      typeof c.computed === 'string' ? verdictWords(c.computed) : c.computed,
      c.difference,
      c.severity === 'mismatch' ? 'Stämmer inte' : 'Avrundning',
    ],
    roles: { 6: c.severity === 'mismatch' ? 'severity-mismatch' : 'severity-rounding' },
    source: { sheet: c.sheet, cell: c.cell },
    ...(d > 0 ? { decimals: { 3: d, 4: d, 5: d } } : {}),
  };
}

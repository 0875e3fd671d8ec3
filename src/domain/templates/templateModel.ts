/**
 * The product's own templates (domain.md, "Templates"; issue 10): what each of the four sheets
 * holds, where, and the hidden marker by which the product knows a workbook made from them.
 * Shared by the writer (adapters/xlsx/writeTemplate), the pre-filling and the check of a filled
 * template, so the three cannot drift apart.
 */
import type { SignConvention, TemplateKind, Unit } from '../report';

/** A line of a money sheet (drift, investeringar): its label and budget as pre-filled. */
export interface AmountLine {
  label: string;
  /** In the template's unit; null when left for the committee. */
  budget: number | null;
}

/** A line of Måluppfyllelse: a goal (KF-mål or nämndmål) or an indicator under the goal above. */
export type GoalLine =
  | { kind: 'goal'; level: 'kf' | 'namnd'; text: string }
  | { kind: 'indicator'; name: string; target: string | null };

/** A line of the Internkontrollplan. Sannolikhet and konsekvens 1–5, or null when left open. */
export interface RiskLine {
  process: string | null;
  risk: string;
  probability: number | null;
  consequence: number | null;
}

/** Everything a template is made of: its settings and what it is pre-filled with. */
export interface TemplateContent {
  /** The follow-up period as the user names it: `delår 2025`. */
  period: string;
  /** The budget column's year (`Budget 2025`), or null (`Budget`). */
  budgetYear: number | null;
  unit: Unit | null;
  /**
   * How the drift sheet's amounts are signed, and so its Avvikelse formula: `costs-positive`
   * (nettokostnad positive: Avvikelse = Budget − Prognos) or `costs-negative` (costs as negative
   * numbers: Avvikelse = Prognos − Budget). Either way positive = favourable.
   */
  convention: SignConvention;
  /** A comment is required where |avvikelse| ≥ `amount` (in `unit`) or |avvikelse %| ≥ `percent`. */
  thresholds: { amount: number; percent: number };
  /** The Bedömning list: four steps or three. */
  scale: 3 | 4;
  drift: AmountLine[];
  investments: AmountLine[];
  goals: GoalLine[];
  risks: RiskLine[];
}

/** The very hidden sheet that marks a workbook as one of the product's templates. */
export const MARKER_SHEET = 'NP Mall';
/** Its first cell, and the version of the layout below. */
export const MARKER_TEXT = 'namndplan-mall 1';

/** The sheet names, in the order written. */
export const SHEET_NAMES: Record<TemplateKind, string> = {
  'uppfoljning-drift': 'Uppföljning drift',
  'uppfoljning-investeringar': 'Uppföljning investeringar',
  maluppfyllelse: 'Måluppfyllelse',
  internkontrollplan: 'Internkontrollplan',
};

export const TEMPLATE_KINDS: readonly TemplateKind[] = [
  'uppfoljning-drift',
  'uppfoljning-investeringar',
  'maluppfyllelse',
  'internkontrollplan',
];

/** Row 1 the title, row 2 the instruction, row 4 the header, the lines from row 5 on. */
export const TITLE_ROW = 1;
export const NOTE_ROW = 2;
export const HEADER_ROW = 4;
export const FIRST_ROW = 5;

/** Empty lines of a sheet nothing pre-fills, for the committee's own. */
export const BLANK_LINES: Record<TemplateKind, number> = {
  'uppfoljning-drift': 15,
  'uppfoljning-investeringar': 10,
  maluppfyllelse: 30,
  internkontrollplan: 15,
};

/** The label of the money sheets' total row. */
export const SUM_LABEL = 'Summa';

/** Column numbers (1-based) of each sheet. */
export const DRIFT = {
  label: 1,
  budget: 2,
  outcome: 3,
  forecast: 4,
  variance: 5,
  percent: 6,
  comment: 7,
};
export const INVEST = { label: 1, budget: 2, outcome: 3, forecast: 4, variance: 5, comment: 6 };
export const GOALS = {
  kf: 1,
  namnd: 2,
  indicator: 3,
  target: 4,
  outcome: 5,
  verdict: 6,
  analysis: 7,
};
export const RISKS = {
  process: 1,
  risk: 2,
  probability: 3,
  consequence: 4,
  value: 5,
  control: 6,
  owner: 7,
  frequency: 8,
  reportedTo: 9,
};

/** Headers of each sheet, in column order. */
export function headers(
  kind: TemplateKind,
  content: Pick<TemplateContent, 'budgetYear' | 'period'>,
): string[] {
  const budget = content.budgetYear === null ? 'Budget' : `Budget ${content.budgetYear}`;
  switch (kind) {
    case 'uppfoljning-drift':
      return [
        'Verksamhet',
        budget,
        `Utfall ${content.period}`,
        'Prognos helår',
        'Avvikelse',
        'Avvikelse %',
        'Kommentar / åtgärd',
      ];
    case 'uppfoljning-investeringar':
      return ['Projekt', 'Budget', 'Utfall', 'Prognos', 'Avvikelse', 'Kommentar'];
    case 'maluppfyllelse':
      return ['KF-mål', 'Nämndmål', 'Indikator', 'Målvärde', 'Utfall', 'Bedömning', 'Analys'];
    case 'internkontrollplan':
      return [
        'Process',
        'Risk',
        'Sannolikhet',
        'Konsekvens',
        'Riskvärde',
        'Kontrollmoment',
        'Ansvarig',
        'Frekvens',
        'Rapporteras till',
      ];
  }
}

/** The Bedömning list, four steps or three (domain.md, "Goals and their verdicts"). */
export function verdictList(scale: 3 | 4): string[] {
  return scale === 4
    ? ['Helt uppfyllt', 'I hög grad uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt']
    : ['Helt uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt'];
}

/** Sannolikhet 1–5 with domain.md's words, as the list offers them: `3 Möjlig`. */
export const PROBABILITY_LIST = [
  '1 Osannolik',
  '2 Mindre sannolik',
  '3 Möjlig',
  '4 Sannolik',
  '5 Mycket sannolik',
];
/** Konsekvens (väsentlighet) 1–5 with domain.md's words: `4 Allvarig`. */
export const CONSEQUENCE_LIST = [
  '1 Försumbar',
  '2 Lindrig',
  '3 Kännbar',
  '4 Allvarig',
  '5 Mycket allvarig',
];

/** The default comment thresholds: 500 tkr (scaled to the unit) or 5 %. */
export function defaultThresholds(unit: Unit | null): { amount: number; percent: number } {
  const amount = unit === 'kr' ? 500_000 : unit === 'mnkr' ? 0.5 : 500;
  return { amount, percent: 5 };
}

/** One marker line per template sheet: `Uppföljning drift|uppfoljning-drift|costs-positive|500|5|tkr|4`. */
export interface MarkerLine {
  sheet: string;
  kind: TemplateKind;
  convention: SignConvention;
  thresholds: { amount: number; percent: number };
  unit: Unit | null;
  scale: 3 | 4;
}

/**
 * The marker sheet's column A, top down. Texts only: the engine finds no table in it. `names`:
 * the sheets' names where they differ from `SHEET_NAMES` (`Uppföljning drift (2)` beside a
 * user's sheet of that name).
 */
export function markerLines(
  content: TemplateContent,
  names: Record<TemplateKind, string> = SHEET_NAMES,
): string[] {
  return [
    MARKER_TEXT,
    ...TEMPLATE_KINDS.map((kind) =>
      [
        names[kind],
        kind,
        content.convention,
        String(content.thresholds.amount),
        String(content.thresholds.percent),
        content.unit ?? '',
        String(content.scale),
      ].join('|'),
    ),
  ];
}

/** Reads one marker line back; null for anything else. */
export function parseMarkerLine(text: string): MarkerLine | null {
  const [sheet, kind, convention, amount, percent, unit, scale] = text.split('|');
  if (sheet === undefined || !TEMPLATE_KINDS.some((k) => k === kind)) return null;
  if (convention !== 'costs-positive' && convention !== 'costs-negative') return null;
  const a = Number(amount);
  const p = Number(percent);
  if (!Number.isFinite(a) || !Number.isFinite(p)) return null;
  return {
    sheet,
    kind: kind as TemplateKind,
    convention,
    thresholds: { amount: a, percent: p },
    unit: unit === 'kr' || unit === 'tkr' || unit === 'mnkr' ? unit : null,
    scale: scale === '3' ? 3 : 4,
  };
}

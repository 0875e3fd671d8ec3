/**
 * What each template sheet holds, cell by cell: one model that both writers render, the .xlsx
 * writer (`adapters/xlsx/writeTemplate`) and the Office writer (`adapters/office/
 * writeTemplateSheets`), so a template added to an open workbook is the same as one downloaded.
 * Values, formulas (without `=`), number formats, which cells the committee fills in (unlocked),
 * the data validation lists, the comment-required rule and the column widths.
 */
import { address } from '../grid';
import type { TemplateKind } from '../report';
import {
  BLANK_LINES,
  CONSEQUENCE_LIST,
  DRIFT,
  FIRST_ROW,
  GOALS,
  INVEST,
  PROBABILITY_LIST,
  RISKS,
  SHEET_NAMES,
  SUM_LABEL,
  TEMPLATE_KINDS,
  headers,
  verdictList,
  type AmountLine,
  type TemplateContent,
} from './templateModel';

/** One cell of a template sheet's table (below the header). */
export interface TemplateCell {
  /** The value written, null for an empty cell (a formula's cell holds its formula instead). */
  value: string | number | null;
  /** The formula without `=`: `IF(OR(B5="",D5=""),"",B5-D5)`. */
  formula?: string;
  /** A cell the committee fills in: unlocked under the sheet's protection, shown light yellow. */
  input: boolean;
  /** Number format; none for General. */
  format?: string;
  bold?: boolean;
  centered?: boolean;
}

/** A data validation list over some cells of a sheet. */
export interface TemplateList {
  /** The column (1-based) the list is for, and its A1 ranges (`F5:F9`, `F12`). */
  column: number;
  ranges: string[];
  values: string[];
  /** The input message's text: `Bedömning av målet`. */
  prompt: string;
  /**
   * Where the allowed words are written instead, as a plain visible list, when the host has no
   * data validation (Office below ExcelApi 1.8): this column, from the header row down.
   */
  fallbackColumn: number;
}

/** The drift sheet's rule: the comment cell turns red while empty past either threshold. */
export interface CommentRule {
  /** `G5:G9`. */
  range: string;
  /** The condition for the range's first cell, without `=` (relative to it). */
  formula: string;
  /** What the rule says, as the header's note and the instruction line say it. */
  text: string;
}

/** One template sheet, ready to be written. */
export interface TemplateSheetSpec {
  kind: TemplateKind;
  name: string;
  /** Row 1 (`TITLE_ROW`) and row 2 (`NOTE_ROW`). */
  title: string;
  note: string;
  /** Row 4 (`HEADER_ROW`). */
  headers: string[];
  /** Column widths in characters, as Excel measures them. */
  widths: number[];
  /** The table's rows from `FIRST_ROW` on, each `headers.length` wide; the Summa row last. */
  rows: TemplateCell[][];
  /** The sheet row of the Summa row, or null (goals, risks). */
  sumRow: number | null;
  lists: TemplateList[];
  commentRule: CommentRule | null;
  /** Notes on header cells (the .xlsx writer writes them as cell notes). */
  headerNotes: { column: number; text: string }[];
}

/** Sheet fill colours (RGB hex, no `#`): headers, cells to fill in, a required empty comment. */
export const TEMPLATE_COLOURS = { header: 'D9E1F2', input: 'FFF9E5', required: 'FFC7CE' };

/** Swedish number formats: whole amounts (one decimal in mnkr) and a ratio shown as a percent. */
const SWEDISH = '[$-41D]';
function moneyFormat(content: TemplateContent): string {
  const body = content.unit === 'mnkr' ? '#,##0.0' : '#,##0';
  return `${SWEDISH}${body};-${body}`;
}
const PERCENT = '0.0%';

const WIDTHS: Record<TemplateKind, number[]> = {
  'uppfoljning-drift': [36, 14, 16, 14, 14, 12, 48],
  'uppfoljning-investeringar': [40, 14, 14, 14, 14, 48],
  maluppfyllelse: [36, 36, 44, 14, 12, 22, 48],
  internkontrollplan: [24, 44, 20, 20, 11, 36, 18, 14, 20],
};

/**
 * The four template sheets of `content`, in order.
 *
 * @example templateSheets(prefillTemplate(null, { period: 'T1 2025' }))[0].rows[0][4].formula
 *   // → 'IF(OR(B5="",D5=""),"",B5-D5)'
 */
export function templateSheets(content: TemplateContent): TemplateSheetSpec[] {
  return TEMPLATE_KINDS.map((kind) => {
    switch (kind) {
      case 'uppfoljning-drift':
        return driftSheet(content);
      case 'uppfoljning-investeringar':
        return investmentSheet(content);
      case 'maluppfyllelse':
        return goalSheet(content);
      case 'internkontrollplan':
        return riskSheet(content);
    }
  });
}

function base(
  kind: TemplateKind,
  content: TemplateContent,
  title: string,
  note: string,
): TemplateSheetSpec {
  return {
    kind,
    name: SHEET_NAMES[kind],
    title,
    note,
    headers: headers(kind, content),
    widths: WIDTHS[kind],
    rows: [],
    sumRow: null,
    lists: [],
    commentRule: null,
    headerNotes: [],
  };
}

const empty = (input: boolean): TemplateCell => ({ value: null, input });

/** `B5`, … as the formulas name them. */
const at = (row: number, col: number): string => address(row, col);

/** The money sheets' lines: the pre-filled ones, else blank lines for the committee's own. */
function amountRows(lines: readonly AmountLine[], kind: TemplateKind): (AmountLine | null)[] {
  if (lines.length > 0) return [...lines];
  return Array.from({ length: BLANK_LINES[kind] }, () => null);
}

/** Lines, Summa row and the Summa's formulas of a money sheet (drift or investeringar). */
function moneyRows(
  spec: TemplateSheetSpec,
  content: TemplateContent,
  lines: readonly AmountLine[],
  cols: typeof DRIFT | typeof INVEST,
  variance: (b: string, f: string) => string,
): void {
  const money = moneyFormat(content);
  const width = spec.headers.length;
  const rows = amountRows(lines, spec.kind);
  const prefilled = lines.length > 0;
  const last = FIRST_ROW + rows.length - 1;
  const percentCol = 'percent' in cols ? cols.percent : null;
  rows.forEach((line, i) => {
    const r = FIRST_ROW + i;
    const row: TemplateCell[] = Array.from({ length: width }, () => empty(true));
    const b = at(r, cols.budget);
    const f = at(r, cols.forecast);
    const v = at(r, cols.variance);
    row[cols.label - 1] = { value: line?.label ?? null, input: !prefilled };
    row[cols.budget - 1] = { value: line?.budget ?? null, input: !prefilled, format: money };
    row[cols.outcome - 1] = { value: null, input: true, format: money };
    row[cols.forecast - 1] = { value: null, input: true, format: money };
    row[cols.variance - 1] = {
      value: null,
      formula: `IF(OR(${b}="",${f}=""),"",${variance(b, f)})`,
      input: false,
      format: money,
    };
    if (percentCol !== null) {
      row[percentCol - 1] = {
        value: null,
        formula: `IF(OR(${v}="",N(${b})=0),"",${v}/ABS(${b}))`,
        input: false,
        format: PERCENT,
      };
    }
    spec.rows.push(row);
  });
  const s = last + 1;
  const sum: TemplateCell[] = Array.from({ length: width }, () => ({
    value: null,
    input: false,
    bold: true,
  }));
  sum[cols.label - 1] = { value: SUM_LABEL, input: false, bold: true };
  for (const col of [cols.budget, cols.outcome, cols.forecast, cols.variance]) {
    sum[col - 1] = {
      value: null,
      formula: `SUM(${at(FIRST_ROW, col)}:${at(last, col)})`,
      input: false,
      format: money,
      bold: true,
    };
  }
  if (percentCol !== null) {
    const sb = at(s, cols.budget);
    sum[percentCol - 1] = {
      value: null,
      formula: `IF(N(${sb})=0,"",${at(s, cols.variance)}/ABS(${sb}))`,
      input: false,
      format: PERCENT,
      bold: true,
    };
  }
  spec.rows.push(sum);
  spec.sumRow = s;
}

/** `500` → `500`, `0.5` → `0,5`. */
const swedish = (n: number): string => String(n).replace('.', ',');

function driftSheet(content: TemplateContent): TemplateSheetSpec {
  const unit = content.unit ?? 'kr';
  const { amount, percent } = content.thresholds;
  const rule = `Kommentar krävs där avvikelsen är minst ${swedish(amount)} ${unit} eller minst ${swedish(percent)} % (plus eller minus).`;
  const spec = base(
    'uppfoljning-drift',
    content,
    `Uppföljning drift, ${content.period} (${unit})`,
    `Fyll i utfall, prognos helår och kommentar. Avvikelse = positiv vid överskott. ${rule}`,
  );
  // Positive = favourable either way: budget − prognos where costs are positive numbers.
  const negative = content.convention === 'costs-negative';
  moneyRows(spec, content, content.drift, DRIFT, (b, f) => (negative ? `${f}-${b}` : `${b}-${f}`));
  const last = (spec.sumRow ?? FIRST_ROW) - 1;
  const g = at(FIRST_ROW, DRIFT.comment);
  const e = at(FIRST_ROW, DRIFT.variance);
  const p = at(FIRST_ROW, DRIFT.percent);
  spec.commentRule = {
    range: `${g}:${at(last, DRIFT.comment)}`,
    formula: `AND(LEN(TRIM(${g}))=0,OR(ABS(N(${e}))>=${amount},ABS(N(${p}))>=${percent / 100}))`,
    text: rule,
  };
  spec.headerNotes = [
    { column: DRIFT.comment, text: rule },
    {
      column: DRIFT.variance,
      text: negative
        ? 'Prognos helår − budget (kostnader negativa): positiv = överskott.'
        : 'Budget − prognos helår (kostnader positiva): positiv = överskott.',
    },
  ];
  return spec;
}

function investmentSheet(content: TemplateContent): TemplateSheetSpec {
  const spec = base(
    'uppfoljning-investeringar',
    content,
    `Uppföljning investeringar, ${content.period} (${content.unit ?? 'kr'})`,
    'Fyll i utfall, prognos och kommentar per projekt. Avvikelse = budget − prognos, positiv när projektet kostar mindre än budgeterat.',
  );
  moneyRows(spec, content, content.investments, INVEST, (b, f) => `${b}-${f}`);
  return spec;
}

/** `[5, 6, 7, 9]` → `['F5:F7', 'F9']`: the cells of one column as few ranges. */
function columnRanges(col: number, rows: readonly number[]): string[] {
  const out: string[] = [];
  let start: number | null = null;
  let prev = 0;
  const close = (): void => {
    if (start === null) return;
    out.push(start === prev ? at(start, col) : `${at(start, col)}:${at(prev, col)}`);
  };
  for (const r of rows) {
    if (start !== null && r === prev + 1) {
      prev = r;
      continue;
    }
    close();
    start = r;
    prev = r;
  }
  close();
  return out;
}

function goalSheet(content: TemplateContent): TemplateSheetSpec {
  const spec = base(
    'maluppfyllelse',
    content,
    `Måluppfyllelse, ${content.period}`,
    'Fyll i utfall per indikator och bedömning och analys per mål. Målvärdet anges med operator (≥ 90, ≤ 40, 70-100).',
  );
  const prefilled = content.goals.length > 0;
  const count = prefilled ? content.goals.length : BLANK_LINES.maluppfyllelse;
  const verdictRows: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = FIRST_ROW + i;
    const line = prefilled ? content.goals[i] : undefined;
    const goal = line?.kind === 'goal';
    const row: TemplateCell[] = [];
    const text = (col: number): string | null => {
      if (line?.kind === 'goal')
        return col === (line.level === 'kf' ? GOALS.kf : GOALS.namnd) ? line.text : null;
      if (line?.kind === 'indicator') {
        if (col === GOALS.indicator) return line.name;
        if (col === GOALS.target) return line.target;
      }
      return null;
    };
    for (const col of [GOALS.kf, GOALS.namnd, GOALS.indicator, GOALS.target]) {
      row.push({ value: text(col), input: !prefilled, ...(goal ? { bold: true } : {}) });
    }
    // A goal's line takes a verdict and an analysis, an indicator's an outcome.
    row.push({ value: null, input: !goal });
    row.push({ value: null, input: line?.kind !== 'indicator' });
    row.push({ value: null, input: true });
    if (line?.kind !== 'indicator') verdictRows.push(r);
    spec.rows.push(row);
  }
  spec.lists = [
    {
      column: GOALS.verdict,
      ranges: columnRanges(GOALS.verdict, verdictRows),
      values: verdictList(content.scale),
      prompt: 'Bedömning av målet',
      fallbackColumn: GOALS.analysis + 2,
    },
  ];
  return spec;
}

function riskSheet(content: TemplateContent): TemplateSheetSpec {
  const spec = base(
    'internkontrollplan',
    content,
    `Internkontrollplan, ${content.period}`,
    'Sannolikhet och konsekvens 1–5 väljs i listan; riskvärde = sannolikhet × konsekvens beräknas. Fyll i kontrollmoment, ansvarig, frekvens och vem som får rapporten.',
  );
  const prefilled = content.risks.length > 0;
  const count = prefilled ? content.risks.length : BLANK_LINES.internkontrollplan;
  for (let i = 0; i < count; i++) {
    const r = FIRST_ROW + i;
    const line = prefilled ? content.risks[i] : undefined;
    const pa = at(r, RISKS.probability);
    const ka = at(r, RISKS.consequence);
    const step = (list: readonly string[], n: number | null | undefined): string | null =>
      n == null ? null : (list[n - 1] ?? null);
    spec.rows.push([
      { value: line?.process ?? null, input: !prefilled },
      { value: line?.risk ?? null, input: !prefilled },
      { value: step(PROBABILITY_LIST, line?.probability), input: true },
      { value: step(CONSEQUENCE_LIST, line?.consequence), input: true },
      {
        value: null,
        formula: `IF(OR(${pa}="",${ka}=""),"",VALUE(LEFT(${pa},1))*VALUE(LEFT(${ka},1)))`,
        input: false,
        format: '0',
        centered: true,
      },
      empty(true),
      empty(true),
      empty(true),
      empty(true),
    ]);
  }
  const last = FIRST_ROW + count - 1;
  const whole = (col: number): string[] => [`${at(FIRST_ROW, col)}:${at(last, col)}`];
  spec.lists = [
    {
      column: RISKS.probability,
      ranges: whole(RISKS.probability),
      values: PROBABILITY_LIST,
      prompt: 'Sannolikhet 1–5',
      fallbackColumn: RISKS.reportedTo + 2,
    },
    {
      column: RISKS.consequence,
      ranges: whole(RISKS.consequence),
      values: CONSEQUENCE_LIST,
      prompt: 'Konsekvens 1–5',
      fallbackColumn: RISKS.reportedTo + 3,
    },
  ];
  return spec;
}

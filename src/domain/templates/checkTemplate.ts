/**
 * Checks a workbook made from the product's own templates (known by the very hidden marker sheet
 * `NP Mall`): how many required cells are filled, per sheet and in all, and every gap: an empty
 * required cell, a variance past the threshold without a comment, a verdict its indicators
 * contradict, a formula replaced by a typed number, a riskvärde typed over its formula.
 *
 * Required cells, on every line in use (one with a label or anything typed in it):
 * - Uppföljning drift and investeringar: budget, utfall, prognos; on the drift sheet also the
 *   comment where |avvikelse| ≥ the amount threshold or |avvikelse %| ≥ the percent threshold
 *   (avvikelse recomputed from budget and prognos, positive = favourable);
 * - Måluppfyllelse: a goal's Bedömning, an indicator's Utfall (Analys is optional);
 * - Internkontrollplan: sannolikhet, konsekvens, kontrollmoment, ansvarig, frekvens, rapporteras till.
 *
 * Formulas: the grid holds cached values only, so whether a cell still holds its formula comes
 * from `formulas` (read by the xlsx adapter, or by the Office adapter into `workbook.formulas`). Without it a formula cell counts as overwritten
 * only when its value differs from what the formula gives.
 */
import { Decimal } from '../decimal';
import { formatSwedish } from '../format';
import { address, type WorkbookSnapshot } from '../grid';
import { judgeGoal, readVerdict, verdictWords } from '../goalVerdicts';
import type {
  AnalyzeOptions,
  Direction,
  FormulaCells,
  GoalSettings,
  Indicator,
  IndicatorStatus,
  Template,
  TemplateGap,
  TemplateGapKind,
  TemplateSheet,
} from '../report';
import { SheetGrid } from '../sheetGrid';
import { meets, parseTarget } from '../targets';
import { gapMessage, type GapParams } from './templateMessages';
import {
  DRIFT,
  FIRST_ROW,
  GOALS,
  HEADER_ROW,
  INVEST,
  MARKER_SHEET,
  MARKER_TEXT,
  RISKS,
  SUM_LABEL,
  parseMarkerLine,
  type MarkerLine,
} from './templateModel';

/** The marker lines of a workbook, or null when it is none of the product's templates. */
export function templateMarker(workbook: WorkbookSnapshot): MarkerLine[] | null {
  // `NP Mall (2)` where the Office adapter found a sheet of that name that was not its own.
  const named = (name: string): boolean =>
    name === MARKER_SHEET || (name.startsWith(`${MARKER_SHEET} (`) && /\(\d+\)$/.test(name));
  const marker = workbook.sheets.find(
    (s) => named(s.name) && new SheetGrid(s).text(1, 1) === MARKER_TEXT,
  );
  if (!marker) return null;
  const grid = new SheetGrid(marker);
  const lines: MarkerLine[] = [];
  for (let r = 2; r <= grid.lastRow; r++) {
    const line = parseMarkerLine(grid.text(r, 1));
    if (line && workbook.sheets.some((s) => s.name === line.sheet)) lines.push(line);
  }
  return lines;
}

/**
 * The template report of a workbook, or null when it is not one of the product's templates.
 *
 * @example checkTemplate(workbook, {}).completeness // → 87.5
 */
export function checkTemplate(
  workbook: WorkbookSnapshot,
  options: AnalyzeOptions,
): Template | null {
  const marker = templateMarker(workbook);
  if (marker === null) return null;
  const sheets: TemplateSheet[] = [];
  const gaps: TemplateGap[] = [];
  for (const line of marker) {
    const snapshot = workbook.sheets.find((s) => s.name === line.sheet);
    if (!snapshot) continue;
    const formulas = options.formulas ?? workbook.formulas;
    const c = new Checker(new SheetGrid(snapshot), line, formulas, gaps);
    switch (line.kind) {
      case 'uppfoljning-drift':
        c.money(DRIFT, true);
        break;
      case 'uppfoljning-investeringar':
        c.money(INVEST, false);
        break;
      case 'maluppfyllelse':
        c.goals({ scale: line.scale, ...options.goals });
        break;
      case 'internkontrollplan':
        c.risks();
        break;
    }
    sheets.push({ sheet: line.sheet, kind: line.kind, required: c.required, filled: c.filled });
  }
  const required = sheets.reduce((a, s) => a + s.required, 0);
  const filled = sheets.reduce((a, s) => a + s.filled, 0);
  const completeness =
    required === 0
      ? 100
      : new Decimal(filled)
          .times(100)
          .div(required)
          .toDecimalPlaces(1, Decimal.ROUND_HALF_UP)
          .toNumber();
  return { sheets, completeness, gaps };
}

interface MoneyColumns {
  label: number;
  budget: number;
  outcome: number;
  forecast: number;
  variance: number;
  comment: number;
  percent?: number;
}

class Checker {
  required = 0;
  filled = 0;
  private readonly formulas: ReadonlyMap<string, string> | undefined;

  constructor(
    private readonly grid: SheetGrid,
    private readonly line: MarkerLine,
    formulas: FormulaCells | undefined,
    private readonly gaps: TemplateGap[],
  ) {
    this.formulas = formulas?.get(line.sheet);
  }

  private gap(row: number, col: number, kind: TemplateGapKind, p: GapParams): void {
    this.gaps.push({
      sheet: this.line.sheet,
      row,
      cell: address(row, col),
      kind,
      message: gapMessage(kind, p),
    });
  }

  private header(col: number): string {
    return this.grid.text(HEADER_ROW, col);
  }

  /** A required cell: counted, and a gap when empty. */
  private need(row: number, col: number, label: string): boolean {
    this.required++;
    if (!this.grid.isBlank(row, col)) {
      this.filled++;
      return true;
    }
    this.gap(row, col, 'empty', { label, column: this.header(col) });
    return false;
  }

  private num(row: number, col: number): Decimal | null {
    return this.grid.number(row, col)?.value ?? null;
  }

  /**
   * Whether a formula cell still holds its formula: from the adapter's formulas when given, else
   * by its value against `expected` (an empty cell, or one showing what the formula gives, is kept).
   */
  private keptFormula(row: number, col: number, expected: Decimal | null): boolean {
    if (this.formulas) return this.formulas.has(address(row, col));
    const v = this.num(row, col);
    if (v === null) return this.grid.isBlank(row, col) || expected === null;
    return expected !== null && v.minus(expected).abs().lte(new Decimal('0.0000001'));
  }

  /** The last line of the table: above the Summa row, else the last filled row. */
  private lastLine(): number {
    for (let r = FIRST_ROW; r <= this.grid.lastRow; r++) {
      if (this.grid.text(r, 1) === SUM_LABEL) return r - 1;
    }
    return this.grid.lastRow;
  }

  private inUse(row: number, cols: readonly number[]): boolean {
    return cols.some((c) => !this.grid.isBlank(row, c));
  }

  money(cols: MoneyColumns, commentRule: boolean): void {
    const last = this.lastLine();
    const inputs = [cols.label, cols.budget, cols.outcome, cols.forecast, cols.comment];
    const negative = this.line.convention === 'costs-negative' && commentRule;
    for (let r = FIRST_ROW; r <= last; r++) {
      if (!this.inUse(r, inputs)) continue;
      const label = this.grid.text(r, cols.label);
      this.need(r, cols.label, label);
      this.need(r, cols.budget, label);
      this.need(r, cols.outcome, label);
      this.need(r, cols.forecast, label);
      const b = this.num(r, cols.budget);
      const f = this.num(r, cols.forecast);
      const variance = b !== null && f !== null ? (negative ? f.minus(b) : b.minus(f)) : null;
      const percent =
        variance !== null && b !== null && !b.isZero() ? variance.div(b.abs()).times(100) : null;
      if (!this.keptFormula(r, cols.variance, variance)) {
        this.gap(r, cols.variance, 'formula-overwritten', {
          label,
          column: this.header(cols.variance),
        });
      }
      if (
        cols.percent !== undefined &&
        !this.keptFormula(r, cols.percent, percent?.div(100) ?? null)
      ) {
        this.gap(r, cols.percent, 'formula-overwritten', {
          label,
          column: this.header(cols.percent),
        });
      }
      if (!commentRule || variance === null) continue;
      const { amount, percent: limit } = this.line.thresholds;
      const past = variance.abs().gte(amount) || (percent !== null && percent.abs().gte(limit));
      if (!past) continue;
      this.required++;
      if (!this.grid.isBlank(r, cols.comment)) {
        this.filled++;
        continue;
      }
      const unit = this.line.unit ?? 'kr';
      this.gap(r, cols.comment, 'comment-required', {
        label,
        variance: `${formatSwedish(variance, { maxDecimals: 1, plain: true })} ${unit}`,
        percent:
          percent === null ? '' : `${formatSwedish(percent, { decimals: 1, plain: true })} %`,
        threshold: `${formatSwedish(amount, { plain: true })} ${unit} eller ${formatSwedish(limit, { plain: true })} %`,
      });
    }
    // The Summa row's formulas.
    const s = last + 1;
    if (this.grid.text(s, 1) !== SUM_LABEL) return;
    const sums = [cols.budget, cols.outcome, cols.forecast, cols.variance];
    for (const col of sums) {
      let total = new Decimal(0);
      for (let r = FIRST_ROW; r <= last; r++) total = total.plus(this.num(r, col) ?? 0);
      if (!this.keptFormula(s, col, total)) {
        this.gap(s, col, 'formula-overwritten', { label: SUM_LABEL, column: this.header(col) });
      }
    }
    if (cols.percent !== undefined) {
      const b = this.num(s, cols.budget);
      const v = this.num(s, cols.variance);
      const expected = b !== null && v !== null && !b.isZero() ? v.div(b.abs()) : null;
      if (!this.keptFormula(s, cols.percent, expected)) {
        this.gap(s, cols.percent, 'formula-overwritten', {
          label: SUM_LABEL,
          column: this.header(cols.percent),
        });
      }
    }
  }

  goals(settings: GoalSettings): void {
    type Line = { row: number; label: string; indicators: Indicator[] };
    const goals: Line[] = [];
    let current: Line | null = null;
    const cols = [
      GOALS.kf,
      GOALS.namnd,
      GOALS.indicator,
      GOALS.target,
      GOALS.outcome,
      GOALS.verdict,
    ];
    for (let r = FIRST_ROW; r <= this.grid.lastRow; r++) {
      if (!this.inUse(r, cols)) continue;
      const name = this.grid.text(r, GOALS.indicator);
      if (name === '') {
        const text = this.grid.text(r, GOALS.namnd) || this.grid.text(r, GOALS.kf);
        current = { row: r, label: text, indicators: [] };
        goals.push(current);
        this.need(r, GOALS.verdict, text);
        continue;
      }
      this.need(r, GOALS.outcome, name);
      current?.indicators.push(this.indicator(r, name));
    }
    for (const g of goals) {
      const printed = readVerdict(this.grid.text(g.row, GOALS.verdict));
      if (printed === null || g.indicators.length === 0) continue;
      const j = judgeGoal(g.indicators, settings);
      if (j.verdict === 'ej-bedomd' || j.verdict === printed) continue;
      this.gap(g.row, GOALS.verdict, 'verdict-contradicts', {
        label: g.label,
        reported: verdictWords(printed),
        computed: verdictWords(j.verdict),
        reason: j.reason,
      });
    }
  }

  /** An indicator line judged as the engine judges one: its outcome against its target. */
  private indicator(row: number, name: string): Indicator {
    const target = parseTarget(
      this.grid.value(row, GOALS.target),
      this.grid.format(row, GOALS.target),
    );
    const outcome = this.grid.number(row, GOALS.outcome);
    let status: IndicatorStatus;
    let direction: Direction = 'unknown';
    if (target === null) status = 'no-target';
    else if (target === 'unreadable') status = 'unclear';
    else {
      direction =
        target.op === '>=' || target.op === '>'
          ? 'higher'
          : target.op === '<=' || target.op === '<'
            ? 'lower'
            : target.op === '='
              ? 'equal'
              : target.op === 'range'
                ? 'range'
                : 'unknown';
      if (outcome === null) status = 'no-outcome';
      else if (target.op === 'plain') status = outcome.value.eq(target.value) ? 'met' : 'unclear';
      else status = meets(outcome.value, target) ? 'met' : 'not-met';
    }
    return {
      sheet: this.line.sheet,
      row,
      cell: address(row, GOALS.indicator),
      name,
      target:
        target === null || target === 'unreadable'
          ? this.grid.text(row, GOALS.target) || null
          : target.text,
      targetPeriod: null,
      outcome: outcome?.value.toNumber() ?? null,
      outcomePeriod: null,
      direction,
      status,
      reason: '',
      goal: null,
      directionSource: direction === 'unknown' ? null : 'operator',
      outcomeWomen: null,
      outcomeMen: null,
    };
  }

  risks(): void {
    const inputs = [
      RISKS.process,
      RISKS.risk,
      RISKS.probability,
      RISKS.consequence,
      RISKS.control,
      RISKS.owner,
      RISKS.frequency,
      RISKS.reportedTo,
    ];
    for (let r = FIRST_ROW; r <= this.grid.lastRow; r++) {
      if (!this.inUse(r, inputs)) continue;
      const label = this.grid.text(r, RISKS.risk) || this.grid.text(r, RISKS.process);
      this.need(r, RISKS.risk, label);
      for (const c of [RISKS.probability, RISKS.consequence, RISKS.control, RISKS.owner]) {
        this.need(r, c, label);
      }
      this.need(r, RISKS.frequency, label);
      this.need(r, RISKS.reportedTo, label);
      const p = riskStep(this.grid.text(r, RISKS.probability));
      const k = riskStep(this.grid.text(r, RISKS.consequence));
      const expected = p !== null && k !== null ? new Decimal(p * k) : null;
      if (!this.keptFormula(r, RISKS.value, expected)) {
        this.gap(r, RISKS.value, 'risk-value-typed', { label });
      }
    }
  }
}

/** `3 Möjlig`, `3` → 3; anything else → null. */
export function riskStep(text: string): number | null {
  const m = /^([1-5])(?!\d)/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

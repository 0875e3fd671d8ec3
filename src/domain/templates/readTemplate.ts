/**
 * Reads a template the product wrote back into its `TemplateContent`: what it was pre-filled with
 * (and whatever the committee added on the lines). `readTemplate(read(writeTemplate(c)))` is `c`:
 * the property the round-trip tests hold.
 */
import type { WorkbookSnapshot } from '../grid';
import { SheetGrid } from '../sheetGrid';
import { riskStep, templateMarker } from './checkTemplate';
import {
  DRIFT,
  FIRST_ROW,
  GOALS,
  HEADER_ROW,
  INVEST,
  RISKS,
  SUM_LABEL,
  type AmountLine,
  type GoalLine,
  type RiskLine,
  type TemplateContent,
} from './templateModel';

/**
 * The content of a product template, or null for any other workbook.
 *
 * @example readTemplate(snapshot)?.drift[0] // → { label: 'Äldreomsorg', budget: -233969 }
 */
export function readTemplate(workbook: WorkbookSnapshot): TemplateContent | null {
  const marker = templateMarker(workbook);
  const first = marker?.[0];
  if (!marker || !first) return null;
  const grid = (kind: string): SheetGrid | null => {
    const line = marker.find((l) => l.kind === kind);
    const sheet = line && workbook.sheets.find((s) => s.name === line.sheet);
    return sheet ? new SheetGrid(sheet) : null;
  };
  const drift = grid('uppfoljning-drift');
  const budgetHeader = drift?.text(HEADER_ROW, DRIFT.budget) ?? '';
  const year = /(\d{4})$/.exec(budgetHeader);
  const outcomeHeader = drift?.text(HEADER_ROW, DRIFT.outcome) ?? '';
  return {
    period: outcomeHeader.replace(/^Utfall\s*/, ''),
    budgetYear: year ? Number(year[1]) : null,
    unit: first.unit,
    convention: first.convention,
    thresholds: first.thresholds,
    scale: first.scale,
    drift: drift ? amountLines(drift, DRIFT.label, DRIFT.budget) : [],
    investments: ((g) => (g ? amountLines(g, INVEST.label, INVEST.budget) : []))(
      grid('uppfoljning-investeringar'),
    ),
    goals: ((g) => (g ? goalLines(g) : []))(grid('maluppfyllelse')),
    risks: ((g) => (g ? riskLines(g) : []))(grid('internkontrollplan')),
  };
}

function amountLines(grid: SheetGrid, label: number, budget: number): AmountLine[] {
  const lines: AmountLine[] = [];
  for (let r = FIRST_ROW; r <= grid.lastRow; r++) {
    const text = grid.text(r, label);
    if (text === SUM_LABEL) break;
    const b = grid.number(r, budget);
    if (text === '' && b === null) continue;
    lines.push({ label: text, budget: b ? b.value.toNumber() : null });
  }
  return lines;
}

function goalLines(grid: SheetGrid): GoalLine[] {
  const lines: GoalLine[] = [];
  for (let r = FIRST_ROW; r <= grid.lastRow; r++) {
    const name = grid.text(r, GOALS.indicator);
    const kf = grid.text(r, GOALS.kf);
    const namnd = grid.text(r, GOALS.namnd);
    if (name !== '') {
      const target = grid.text(r, GOALS.target);
      lines.push({ kind: 'indicator', name, target: target === '' ? null : target });
    } else if (namnd !== '') lines.push({ kind: 'goal', level: 'namnd', text: namnd });
    else if (kf !== '') lines.push({ kind: 'goal', level: 'kf', text: kf });
  }
  return lines;
}

function riskLines(grid: SheetGrid): RiskLine[] {
  const lines: RiskLine[] = [];
  for (let r = FIRST_ROW; r <= grid.lastRow; r++) {
    const risk = grid.text(r, RISKS.risk);
    const process = grid.text(r, RISKS.process);
    if (risk === '' && process === '') continue;
    lines.push({
      process: process === '' ? null : process,
      risk,
      probability: riskStep(grid.text(r, RISKS.probability)),
      consequence: riskStep(grid.text(r, RISKS.consequence)),
    });
  }
  return lines;
}

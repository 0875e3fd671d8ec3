/**
 * Måluppfyllelse as the documents print it: each goal with its verdict in a word and a signal
 * colour, its indicators under it with target, outcome and status; the tree as `goalOutline`
 * lays it out (the same order as the audit sheet). Följetal are not here: they have tables of
 * their own.
 */
import { goalOutline } from '../goalOutline';
import { findYears } from '../headers';
import type { Goal, GoalRule, Indicator, IndicatorStatus, Report } from '../report';
import { STATUS_TEXT, VERDICT_TEXT } from '../standardTables';
import { decimalsOf, textCell } from './cells';
import type { DocumentCell, DocumentRow, DocumentTable, DocumentTone } from './model';
import { cleanHeader, composeTitle } from './titles';

const STATUS_TONE: Record<IndicatorStatus, DocumentTone> = {
  met: 'met',
  'not-met': 'not-met',
  unclear: 'unclear',
  'no-outcome': 'none',
  'no-target': 'none',
};

const RULE_TEXT: Record<GoalRule, string> = {
  share: 'andelen uppfyllda indikatorer',
  worst: 'den svagaste indikatorn',
  bands: 'utfallen i procent av målvärdena',
};

/**
 * The Måluppfyllelse document table of a report, or null when it has neither goals nor indicators
 * with targets. Columns: `Mål och indikator | Målvärde | Utfall | Avser | Bedömning`.
 *
 * @example goalDocument(report, 'socialnämnden', 'maluppfyllelse-1')?.title
 *   // → 'Måluppfyllelse socialnämnden, 2023'
 */
export function goalDocument(
  report: Report,
  committee: string | null,
  id: string,
): DocumentTable | null {
  const rows: DocumentRow[] = [];
  const shown: Indicator[] = [];
  for (const e of goalOutline(report)) {
    if (e.kind === 'section') {
      if (e.section === 'loose') rows.push(heading('Indikatorer utan mål'));
      continue;
    }
    if (e.kind === 'goal') {
      rows.push(goalRow(e.goal, e.depth, e.opensSection));
      continue;
    }
    if (e.foljetal) continue;
    shown.push(e.indicator);
    rows.push(indicatorRow(e.indicator, e.depth));
  }
  if (rows.length === 0) return null;
  let year = 0;
  for (const i of shown) for (const y of findYears(i.outcomePeriod ?? '')) if (y > year) year = y;
  const notes: string[] = [];
  const rule = report.goals[0]?.rule;
  if (rule) notes.push(`Målen bedöms efter ${RULE_TEXT[rule]}.`);
  if (report.goals.some((g) => g.verdict === 'ej-bedomd' && g.reportedVerdict !== null)) {
    notes.push('Där indikatorerna inte räcker för en bedömning visas dokumentets egen bedömning.');
  }
  // The gender split, where any indicator has one, in two columns beside the outcome.
  const split = shown.some((i) => i.outcomeWomen !== null || i.outcomeMen !== null);
  if (split) {
    const byRow = new Map<string, Indicator>();
    for (const i of shown) byRow.set(`${i.sheet}!${i.row}`, i);
    for (const r of rows) {
      const i = r.source ? byRow.get(`${r.source.sheet}!${r.source.row}`) : undefined;
      const shownInRow = i !== undefined && r.style === 'line';
      const women: DocumentCell = { value: shownInRow ? (i.outcomeWomen ?? null) : null };
      const men: DocumentCell = { value: shownInRow ? (i.outcomeMen ?? null) : null };
      r.cells.splice(3, 0, women, men);
    }
  }
  const columns: { header: string; kind: 'text' | 'amount'; width: number }[] = [
    { header: 'Mål och indikator', kind: 'text', width: 52 },
    { header: 'Målvärde', kind: 'text', width: 14 },
    { header: 'Utfall', kind: 'amount', width: 10 },
    ...(split
      ? [
          { header: 'Kvinnor', kind: 'amount' as const, width: 10 },
          { header: 'Män', kind: 'amount' as const, width: 10 },
        ]
      : []),
    { header: 'Avser', kind: 'text', width: 16 },
    { header: 'Bedömning', kind: 'text', width: 26 },
  ];
  return {
    id,
    kind: 'maluppfyllelse',
    title: composeTitle('Måluppfyllelse', committee, year > 0 ? String(year) : '', null),
    unit: null,
    columns,
    rows,
    notes,
    result: null,
    source: null,
  };
}

function heading(text: string): DocumentRow {
  return {
    style: 'heading',
    indent: 0,
    cells: [{ value: text }, { value: null }, { value: null }, { value: null }, { value: null }],
    source: null,
  };
}

/**
 * A goal's row: its text, and its verdict with the count (`Delvis uppfyllt – 1 av 3 uppfyllda`).
 * Where its indicators cannot judge it but the document prints a verdict, that verdict, said so.
 */
function goalRow(g: Goal, depth: number, kf: boolean): DocumentRow {
  let verdict: DocumentCell;
  if (g.verdict === 'ej-bedomd' && g.reportedVerdict !== null) {
    verdict = {
      value: `${VERDICT_TEXT[g.reportedVerdict]} (enligt dokumentet)`,
      tone: `verdict-${g.reportedVerdict}`,
    };
  } else {
    const count = g.indicators > 0 ? ` – ${g.met} av ${g.indicators} uppfyllda` : '';
    verdict = { value: `${VERDICT_TEXT[g.verdict]}${count}`, tone: `verdict-${g.verdict}` };
  }
  return {
    style: kf ? 'heading' : 'subtotal',
    indent: depth,
    cells: [
      { value: g.text.replace(/\s+/g, ' ').trim() },
      { value: null },
      { value: null },
      { value: null },
      verdict,
    ],
    source: { sheet: g.sheet, row: g.row },
  };
}

function indicatorRow(i: Indicator, depth: number): DocumentRow {
  const year = findYears(i.targetPeriod ?? '');
  const target =
    i.target === null
      ? null
      : year.length > 0
        ? `${i.target} (${year[year.length - 1]})`
        : i.target;
  const d = decimalsOf(i.outcome);
  return {
    style: 'line',
    indent: depth,
    cells: [
      { value: i.name.replace(/\s+/g, ' ').trim() },
      textCell(target),
      i.outcome === null
        ? { value: null }
        : d > 0
          ? { value: i.outcome, decimals: d }
          : { value: i.outcome },
      textCell(i.outcomePeriod === null ? null : cleanHeader(i.outcomePeriod)),
      { value: STATUS_TEXT[i.status], tone: STATUS_TONE[i.status] },
    ],
    source: { sheet: i.sheet, row: i.row },
  };
}

/**
 * The terminal summary of a report, in Swedish, leading with money: the committee's result per
 * budget table, the largest unfavourable variances, then goals and indicators, then arithmetic.
 */
import type {
  Check,
  Indicator,
  Problem,
  Report,
  Table,
  TableKind,
  Unit,
  Variance,
} from '../domain/report';
import { parseRange } from '../domain/grid';
import { verdictWords } from '../domain/goalVerdicts';
import { moneySummary } from '../domain/output/budgetPairs';
import { percentOfBudget } from '../domain/output/cells';
import { cleanHeader } from '../domain/output/titles';
import { formatAmount, formatNumber, formatPercent } from './formatNumber';
import { terminalField } from './terminalText';
import { templateSummary } from './templateSummary';

const KIND_TEXT: Record<TableKind, string> = {
  budget: 'budget',
  investments: 'investeringar',
  indicators: 'indikatorer',
  metrics: 'följetal',
  risks: 'risker',
  other: 'övriga',
};

/** How many lines each list of the summary shows at most; the rest are counted. */
const MAX_LINES = 5;
/** How many unmet and unclear indicators, and how many mismatches, the summary lists at most. */
const MAX_FINDINGS = 10;

/** What the summary needs besides the report. */
export interface SummaryOptions {
  riskThreshold: number;
  /** Unfavourable variances beyond this percent of budget are listed (`passesVarianceThreshold`). */
  varianceThresholdPercent: number;
  /** The committee the workbook names (`findCommittee`), for the tables' titles; null for none. */
  committee: string | null;
}

/**
 * Formats the summary, leading with money. First what could not be read at all (a damaged sheet:
 * the figures below lack it); then the committee's result per budget table (the grand total's
 * variance, in the table's unit and percent: `Prognos 2023: -7 000 tkr (-1,0 %) mot budget`); then
 * the largest unfavourable variances beyond the threshold by amount, lines apart from totals,
 * operating apart from investments; then goals and indicators (the unmet and unclear ones); then the
 * arithmetic (what was checked, what does not add up); then risks. Every amount with its unit,
 * every finding with its `Sheet!Cell`, each on one line: whatever the workbook's texts hold, a line
 * break in them is a space and a control character its code (`terminalField`).
 *
 * @example formatSummary(report, { riskThreshold: 12, varianceThresholdPercent: 1, committee: null })
 *   // → 'Nämndplan: plan.xlsx\nTabeller: 3 (2 budget, 1 indikatorer)\n\nResultat mot budget:\n…'
 */
export function formatSummary(report: Report, options: SummaryOptions): string {
  const lines: string[] = [`Nämndplan: ${terminalField(report.workbook)}`];
  // A filled template's completeness and gaps come first: they are what its sender checks.
  for (const line of templateSummary(report.template)) lines.push(line);
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    lines.push('Kunde inte läsas (siffrorna nedan saknar det):');
    for (const p of errors) lines.push(`  ${terminalField(problemLine(p))}`);
  }
  lines.push(`Tabeller: ${report.tables.length}${tableKinds(report.tables)}`);

  const money = moneySummary(report, {
    thresholdPercent: options.varianceThresholdPercent,
    committee: options.committee,
  });
  lines.push('', 'Resultat mot budget:');
  if (money.results.length === 0) lines.push('  Ingen budgettabell med avvikelser hittades.');
  for (const r of money.results) {
    lines.push(`  ${terminalField(r.title)}`);
    lines.push(`    ${terminalField(resultLine(r.result, r.pair.table.unit))}`);
  }
  const unfavourable = report.variances.filter((v) => v.variance < 0);
  lines.push(
    `Avvikelser: ${report.variances.length} (${unfavourable.length} underskott, ` +
      `${report.variances.length - unfavourable.length} överskott eller noll)`,
  );
  const threshold = formatNumber(options.varianceThresholdPercent);
  const lists: [string, Variance[]][] = [
    ['Största underskott i driften, rader', money.operating.lines],
    ['Största underskott i driften, summor', money.operating.totals],
    ['Största underskott i investeringarna, rader', money.investments.lines],
    ['Största underskott i investeringarna, summor', money.investments.totals],
  ];
  if (lists.every(([, list]) => list.length === 0)) {
    lines.push(`Inga underskott över ${threshold} % av budget.`);
  }
  for (const [heading, list] of lists) {
    if (list.length === 0) continue;
    lines.push('', `${heading} (över ${threshold} % av budget):`);
    pushLimited(lines, list, varianceLine, MAX_LINES);
  }

  lines.push('', 'Mål och indikatorer:');
  if (report.goals.length > 0) lines.push(`  ${goalLine(report)}`);
  const count = (s: Indicator['status']): number =>
    report.indicators.filter((i) => i.status === s).length;
  lines.push(
    `  Indikatorer: ${report.indicators.length} (${count('met')} uppfyllda, ` +
      `${count('not-met')} ej uppfyllda, ${count('unclear')} oklara, ` +
      `${count('no-outcome')} utan utfall, ${count('no-target')} utan mål)`,
  );
  pushLimited(
    lines,
    report.indicators
      .filter((i) => i.status === 'not-met')
      .concat(report.indicators.filter((i) => i.status === 'unclear')),
    indicatorLine,
    MAX_FINDINGS,
  );

  const mismatches = report.checks.filter((c) => c.severity === 'mismatch');
  lines.push('', 'Räkningen:');
  lines.push(
    `  Kontroller: ${mismatches.length} belopp stämmer inte, ` +
      `${report.checks.length - mismatches.length} avrundningsdifferenser`,
  );
  // What was checked, so that "0 belopp stämmer inte" is never a false all-clear.
  lines.push(`  ${coverageLine(report.tables)}`);
  pushLimited(lines, mismatches, (c) => checkLine(report.tables, c), MAX_FINDINGS);
  if (report.problems.length > 0) {
    lines.push(`  Problem vid läsningen: ${report.problems.length} (se --json eller --out)`);
  }

  const inPlan = report.risks.filter((r) => r.inPlan).length;
  lines.push(
    '',
    `Risker: ${report.risks.length}, varav ${inPlan} i internkontrollplanen (riskvärde ≥ ${options.riskThreshold})`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * At most `max` of `items`, each made a line by `line`, indented, then how many more there are.
 * Only the lines shown are formatted: at 100 000 rows the rest would cost more than the analysis.
 */
function pushLimited<T>(
  lines: string[],
  items: readonly T[],
  line: (item: T) => string,
  max: number,
): void {
  const shown = Math.min(items.length, max);
  for (let i = 0; i < shown; i++) lines.push(`  ${terminalField(line(items[i] as T))}`);
  if (items.length > max) lines.push(`  … och ${items.length - max} till (se --json eller --out)`);
}

/**
 * `Prognos 2023: -7 000 tkr (-1,0 %) mot budget, underskott (Totalt, Ekonomi!B12)`: a table's
 * result, positive = överskott.
 */
function resultLine(v: Variance | null, unit: Unit | null): string {
  if (v === null) return 'Ingen totalrad med båda beloppen i tabellen; se raderna nedan.';
  const percent = percentOfBudget(v);
  const pct = percent === null ? '' : ` (${formatPercent(percent)})`;
  const word = v.variance < 0 ? ', underskott' : v.variance > 0 ? ', överskott' : '';
  const actual =
    v.kind === 'forecast-deviation' ? cleanHeader(v.actual) : headerWithYear(v.actual, v.baseline);
  return `${actual}: ${amount(v.variance, unit)}${pct} mot budget${word} (${v.label.trim()}, ${v.sheet}!${v.cell})`;
}

/** `Utfall` beside `Budget 2023` is `Utfall 2023`; a header's unit is left to the amount. */
function headerWithYear(actual: string, baseline: string): string {
  const a = cleanHeader(actual);
  if (/(19|20)\d\d/.test(a)) return a;
  const year = /(19|20)\d\d/.exec(baseline)?.[0];
  return year === undefined ? a : `${a} ${year}`;
}

/** An amount with its unit, or said to have none: `-7 000 tkr`, `-7 000 (okänd enhet)`. */
function amount(value: number, unit: Unit | null): string {
  return unit === null ? `${formatNumber(value)} (okänd enhet)` : formatAmount(value, unit);
}

/** `Mål: 6 (1 helt uppfyllda, 3 delvis, 2 ej bedömda; regel: andel)`, verdicts in scale order. */
function goalLine(report: Report): string {
  const order = ['helt', 'i-hog-grad', 'delvis', 'ej', 'ej-bedomd'] as const;
  const words: Record<(typeof order)[number], string> = {
    helt: 'helt uppfyllda',
    'i-hog-grad': 'i hög grad',
    delvis: 'delvis',
    ej: 'ej uppfyllda',
    'ej-bedomd': 'ej bedömda',
  };
  const parts = order
    .map((v) => [v, report.goals.filter((g) => g.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${words[v]}`);
  const rule = report.goals[0]?.rule ?? 'share';
  const ruleWord = rule === 'share' ? 'andel' : rule === 'worst' ? 'svagaste' : 'nivå';
  return `Mål: ${report.goals.length} (${parts.join(', ')}; regel: ${ruleWord})`;
}

/**
 * How many printed figures were recomputed, in how many tables, and how many totals and
 * variances could not be: `Kontrollerat: 42 belopp i 5 tabeller; 1 summa eller avvikelse kunde inte kontrolleras`.
 */
export function coverageLine(tables: readonly Table[]): string {
  const recomputed = tables.reduce((n, t) => n + t.recomputed, 0);
  const notRecomputed = tables.reduce((n, t) => n + t.notRecomputed, 0);
  const checked = tables.filter((t) => t.recomputed > 0).length;
  const tail =
    notRecomputed === 0
      ? ''
      : `; ${notRecomputed} ${notRecomputed === 1 ? 'summa eller avvikelse' : 'summor eller avvikelser'} kunde inte kontrolleras`;
  return `Kontrollerat: ${recomputed} belopp i ${checked} ${checked === 1 ? 'tabell' : 'tabeller'}${tail}`;
}

function tableKinds(tables: readonly Table[]): string {
  if (tables.length === 0) return '';
  const counts = new Map<TableKind, number>();
  for (const t of tables) counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${KIND_TEXT[kind]}`);
  return ` (${parts.join(', ')})`;
}

function unitAt(tables: readonly Table[], sheet: string, row: number): Unit | null {
  return tables.find((x) => x.sheet === sheet && inRange(x.range, row))?.unit ?? null;
}

function inRange(range: string, row: number): boolean {
  const r = parseRange(range);
  return row >= r.top && row <= r.bottom;
}

function problemLine(p: Problem): string {
  const where = p.sheet === null ? '' : `${p.sheet}${p.cell === null ? '' : `!${p.cell}`}  `;
  return `PROBLEM     ${where}${p.message}`;
}

function checkLine(tables: readonly Table[], c: Check): string {
  if (typeof c.reported === 'string' || typeof c.computed === 'string') {
    // A printed verdict its indicators contradict.
    return `FEL         ${c.sheet}!${c.cell}  ${c.label}: bedömt "${verdictWords(c.reported)}" i dokumentet, indikatorerna ger "${verdictWords(c.computed)}"`;
  }
  const unit = unitAt(tables, c.sheet, c.row);
  const table = tables.find((t) => t.sheet === c.sheet && inRange(t.range, c.row));
  // A sum of följetal or indicators has no kronor: its figures stand alone.
  const money = table?.kind === 'budget' || table?.kind === 'investments';
  const f = (x: number): string => (money ? amount(x, unit) : formatNumber(x));
  return (
    `FEL         ${c.sheet}!${c.cell}  ${c.label}: rapporterat ${f(c.reported)}, ` +
    `beräknat ${f(c.computed)} (skillnad ${f(c.difference)})`
  );
}

function varianceLine(v: Variance): string {
  const p = percentOfBudget(v);
  const percent = p === null ? '' : ` (${formatPercent(p)})`;
  // A printed deviation is the variance itself: there is no actual amount to set against a budget.
  const what =
    v.kind === 'forecast-deviation'
      ? `avvikelse enligt ${cleanHeader(v.actual)}${v.baseline === '' ? '' : ` mot ${cleanHeader(v.baseline)}`}`
      : `${headerWithYear(v.actual, v.baseline)} mot ${cleanHeader(v.baseline)}`;
  return `${v.label.trim()}: ${amount(v.variance, v.unit)}${percent}, ${what}  ${v.sheet}!${v.cell}`;
}

function indicatorLine(i: Indicator): string {
  const tag = i.status === 'not-met' ? 'EJ UPPFYLLT' : 'OKLART     ';
  const outcome = i.outcome === null ? 'inget utfall' : `utfall ${formatNumber(i.outcome)}`;
  const target = i.target === null ? 'inget mål' : `mål ${i.target}`;
  return `${tag} ${i.sheet}!${i.cell}  ${i.name}: ${outcome} mot ${target}. ${i.reason}`;
}

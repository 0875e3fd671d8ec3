/**
 * The terminal summary of a report, in Swedish: what was found, then the worst findings first.
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
import { formatAmount, formatNumber, formatPercent } from './formatNumber';
import { terminalField } from './terminalText';

const KIND_TEXT: Record<TableKind, string> = {
  budget: 'budget',
  investments: 'investeringar',
  indicators: 'indikatorer',
  metrics: 'följetal',
  risks: 'risker',
  other: 'övriga',
};

/** How many findings the summary lists at most; the rest are counted. */
const MAX_FINDINGS = 25;

/**
 * Formats the summary. Worst first: what could not be read at all (a damaged sheet), arithmetic
 * mismatches, then unfavourable variances (largest first, in each table's unit), not-met
 * indicators, unclear indicators. Every finding names its cell as `Sheet!Cell`, on one line:
 * whatever the workbook's texts hold, a line break in them is a space and a control character
 * its code (`terminalField`).
 *
 * @example formatSummary(report, 12)
 *   // → 'Nämndplan: plan.xlsx\nTabeller: 3 (2 budget, 1 indikatorer)\n...'
 */
export function formatSummary(report: Report, riskThreshold: number): string {
  const lines: string[] = [`Nämndplan: ${terminalField(report.workbook)}`];
  lines.push(`Tabeller: ${report.tables.length}${tableKinds(report.tables)}`);

  const unfavourable = report.variances.filter((v) => v.variance < 0);
  lines.push(
    `Avvikelser: ${report.variances.length} (${unfavourable.length} underskott, ` +
      `${report.variances.length - unfavourable.length} överskott eller noll)`,
  );

  const count = (s: Indicator['status']): number =>
    report.indicators.filter((i) => i.status === s).length;
  lines.push(
    `Indikatorer: ${report.indicators.length} (${count('met')} uppfyllda, ` +
      `${count('not-met')} ej uppfyllda, ${count('unclear')} oklara, ` +
      `${count('no-outcome')} utan utfall, ${count('no-target')} utan mål)`,
  );

  if (report.goals.length > 0) lines.push(goalLine(report));

  const inPlan = report.risks.filter((r) => r.inPlan).length;
  lines.push(
    `Risker: ${report.risks.length}, varav ${inPlan} i internkontrollplanen (riskvärde ≥ ${riskThreshold})`,
  );

  const mismatches = report.checks.filter((c) => c.severity === 'mismatch');
  lines.push(
    `Kontroller: ${mismatches.length} belopp stämmer inte, ` +
      `${report.checks.length - mismatches.length} avrundningsdifferenser`,
  );
  // What was checked, so that "0 belopp stämmer inte" is never a false all-clear.
  lines.push(coverageLine(report.tables));
  if (report.problems.length > 0) lines.push(`Problem vid läsningen: ${report.problems.length}`);

  const findings = [
    ...report.problems.filter((p) => p.severity === 'error').map(problemLine),
    ...mismatches.map((c) => checkLine(report.tables, c)),
    ...[...unfavourable].sort(byUnfavourable).map(varianceLine),
    ...report.indicators.filter((i) => i.status === 'not-met').map(indicatorLine),
    ...report.indicators.filter((i) => i.status === 'unclear').map(indicatorLine),
  ];
  if (findings.length === 0) {
    lines.push('', 'Inga fel, underskott eller ej uppfyllda mål hittades.');
  } else {
    lines.push('', 'Viktigast först:');
    for (const f of findings.slice(0, MAX_FINDINGS)) lines.push(`  ${terminalField(f)}`);
    if (findings.length > MAX_FINDINGS) {
      lines.push(`  … och ${findings.length - MAX_FINDINGS} till (se --json eller --out)`);
    }
  }
  return `${lines.join('\n')}\n`;
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

/** Largest unfavourable first, comparing in kronor so 1 mnkr outweighs 900 tkr. */
function byUnfavourable(a: Variance, b: Variance): number {
  return inKronor(a.variance, a.unit) - inKronor(b.variance, b.unit);
}

function inKronor(value: number, unit: Unit | null): number {
  return unit === 'mnkr' ? value * 1e6 : unit === 'tkr' ? value * 1e3 : value;
}

function unitAt(tables: readonly Table[], sheet: string, row: number): Unit | null {
  const t = tables.find((x) => {
    if (x.sheet !== sheet) return false;
    const r = parseRange(x.range);
    return row >= r.top && row <= r.bottom;
  });
  return t?.unit ?? null;
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
  return (
    `FEL         ${c.sheet}!${c.cell}  ${c.label}: rapporterat ${formatAmount(c.reported, unit)}, ` +
    `beräknat ${formatAmount(c.computed, unit)} (skillnad ${formatAmount(c.difference, unit)})`
  );
}

function varianceLine(v: Variance): string {
  const percent = v.variancePercent === null ? '' : ` (${formatPercent(v.variancePercent)})`;
  // A printed deviation is the variance itself: there is no actual amount to set against a budget.
  const what =
    v.kind === 'forecast-deviation'
      ? `avvikelse enligt ${v.actual}${v.baseline === '' ? '' : ` mot ${v.baseline}`}`
      : `${v.actual} mot ${v.baseline}`;
  return `UNDERSKOTT  ${v.sheet}!${v.cell}  ${v.label}: ${formatAmount(v.variance, v.unit)}${percent}, ${what}`;
}

function indicatorLine(i: Indicator): string {
  const tag = i.status === 'not-met' ? 'EJ UPPFYLLT' : 'OKLART     ';
  const outcome = i.outcome === null ? 'inget utfall' : `utfall ${formatNumber(i.outcome)}`;
  const target = i.target === null ? 'inget mål' : `mål ${i.target}`;
  return `${tag} ${i.sheet}!${i.cell}  ${i.name}: ${outcome} mot ${target}. ${i.reason}`;
}

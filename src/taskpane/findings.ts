/**
 * Turns a report into what the pane lists and counts: findings (one per thing a controller should
 * look at, worst first, each with its sheet and cell) and the summary figures. Pure; no React.
 */
import type { GoalVerdict, Report } from '../domain/report';
import { isFoljetal } from './goals';
import { indicatorReason } from './indicatorReason';
import { formatNumber, type FindingGroup, type Messages } from './messages';
import { isProblemCode, problemText } from '../domain/messages';
import { passesVarianceThreshold } from '../domain/varianceThreshold';

export type FindingSeverity = 'critical' | 'warning' | 'info';

/** One line in the findings list. */
export interface Finding {
  /** Stable within one report (group and position), used as React key. */
  id: string;
  group: FindingGroup;
  severity: FindingSeverity;
  sheet: string | null;
  cell: string | null;
  title: string;
  detail: string;
  /** Words the search finds it by besides its text: `underskott` for an unfavourable variance. */
  keywords: string;
  /** Size within its severity: larger sorts first (|variance %|, |difference|, risk value). */
  weight: number;
}

/** Settings that change what counts as a finding. */
export interface FindingOptions {
  /** Unfavourable variances beyond this percentage of the baseline are warnings
   * (`passesVarianceThreshold`, the rule the CLI and the report sheets use too). */
  varianceThreshold: number;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };
export const GROUP_ORDER: readonly FindingGroup[] = [
  'checks',
  'variances',
  'indicators',
  'risks',
  'problems',
];

/** `Drift!D10`, or the sheet alone, or null when the finding has no place. */
export function cellRef(sheet: string | null, cell: string | null): string | null {
  if (sheet === null) return null;
  // Excel quotes names with spaces or punctuation, or that start with a digit; å, ä, ö need none.
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  const quoted = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell === null ? quoted : `${quoted}!${cell}`;
}

/**
 * Lists the findings of a report, worst first: mismatching figures, then warnings (unfavourable
 * variances beyond the threshold, unmet indicators, risks in the plan, engine warnings), then
 * information. Favourable variances and met indicators are not findings; the summary counts them.
 *
 * @example buildFindings(report, { varianceThreshold: 1 }, MESSAGES.sv)[0].group // 'checks'
 */
export function buildFindings(report: Report, options: FindingOptions, m: Messages): Finding[] {
  const num = (n: number): string => formatNumber(n, m.locale);
  // A verdict check holds verdict codes (`helt`), said in the pane's language; a number as it is.
  const verdict = (v: string | number): string =>
    typeof v === 'number' ? num(v) : (m.verdict[v as GoalVerdict] ?? v);
  const out: Finding[] = [];

  report.checks.forEach((c, i) => {
    out.push({
      id: `checks-${i}`,
      group: 'checks',
      severity: c.severity === 'mismatch' ? 'critical' : 'info',
      sheet: c.sheet,
      cell: c.cell,
      title: m.checkTitle(c.label),
      // A verdict check holds the verdict words: the printed one against the indicators' one.
      detail:
        typeof c.reported === 'string' || typeof c.computed === 'string'
          ? m.checkDetail(verdict(c.reported), verdict(c.computed), '–')
          : m.checkDetail(num(c.reported), num(c.computed), num(c.difference)),
      keywords: '',
      weight: Math.abs(c.difference),
    });
  });

  report.variances.forEach((v, i) => {
    if (v.variance >= 0) return;
    const pct = v.variancePercent === null ? null : formatNumber(v.variancePercent, m.locale, 1, 1);
    out.push({
      id: `variances-${i}`,
      group: 'variances',
      severity: passesVarianceThreshold(v, options.varianceThreshold) ? 'warning' : 'info',
      sheet: v.sheet,
      cell: v.cell,
      title: m.varianceTitle(v.label, v.actual),
      detail: m.varianceDetail(num(v.variance), pct, v.baseline),
      // The summary calls these deficits (`underskott`): searching its word finds them.
      keywords: m.deficitWords,
      weight: Math.abs(v.variancePercent ?? 100),
    });
  });

  report.indicators.forEach((ind, i) => {
    // Följetal have no target by nature: nothing to look at, and the Mål view lists them apart.
    if (ind.status === 'met' || isFoljetal(report, ind)) return;
    const outcome = ind.outcome === null ? null : num(ind.outcome);
    out.push({
      id: `indicators-${i}`,
      group: 'indicators',
      severity: ind.status === 'not-met' ? 'warning' : 'info',
      sheet: ind.sheet,
      cell: ind.cell,
      title: `${ind.name}: ${m.status[ind.status]}`,
      detail: `${m.indicatorDetail(ind.target, outcome)} ${indicatorReason(ind, m.locale)}`.trim(),
      keywords: '',
      weight: 0,
    });
  });

  report.risks.forEach((r, i) => {
    out.push({
      id: `risks-${i}`,
      group: 'risks',
      severity: r.inPlan ? 'warning' : 'info',
      sheet: r.sheet,
      cell: r.cell,
      title: m.riskTitle(r.risk),
      detail: m.riskDetail(r.probability, r.consequence, r.value, r.inPlan),
      keywords: '',
      weight: r.value,
    });
  });

  report.problems.forEach((p, i) => {
    out.push({
      id: `problems-${i}`,
      group: 'problems',
      severity: p.severity === 'error' ? 'critical' : p.severity,
      sheet: p.sheet,
      cell: p.cell,
      // The report's message is Swedish; in English, say it again from its code and values.
      title:
        m.locale === 'en' && isProblemCode(p.code)
          ? problemText(p.code, p.params ?? {}, 'en')
          : p.message,
      detail: m.problemDetail(p.code),
      // The report's own (Swedish) message stays searchable in English too.
      keywords: p.message,
      weight: 0,
    });
  });

  return out.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
      b.weight - a.weight,
  );
}

/** The figures at the top of the pane. */
export interface Summary {
  tables: number;
  unfavourableBeyondThreshold: number;
  indicatorsMet: number;
  indicatorsNotMet: number;
  indicatorsUnclear: number;
  indicatorsNoOutcome: number;
  /** Indicators under a goal or in an indicator table that state no target. */
  indicatorsNoTarget: number;
  /** Följetal: figures followed without a target, counted apart from the indicators. */
  foljetal: number;
  risksInPlan: number;
  mismatches: number;
  /** Printed figures recomputed, and in how many tables; totals and variances that could not be. */
  recomputed: number;
  tablesChecked: number;
  notRecomputed: number;
}

/** Counts what the summary shows. Följetal are counted apart, never as unclear or targetless. */
export function summarize(report: Report, options: FindingOptions): Summary {
  const indicators = report.indicators.filter((i) => !isFoljetal(report, i));
  const count = (status: string): number => indicators.filter((i) => i.status === status).length;
  return {
    tables: report.tables.length,
    unfavourableBeyondThreshold: report.variances.filter((v) =>
      passesVarianceThreshold(v, options.varianceThreshold),
    ).length,
    indicatorsMet: count('met'),
    indicatorsNotMet: count('not-met'),
    indicatorsUnclear: count('unclear'),
    indicatorsNoOutcome: count('no-outcome'),
    indicatorsNoTarget: count('no-target'),
    foljetal: report.indicators.length - indicators.length,
    risksInPlan: report.risks.filter((r) => r.inPlan).length,
    mismatches: report.checks.filter((c) => c.severity === 'mismatch').length,
    recomputed: report.tables.reduce((n, t) => n + t.recomputed, 0),
    tablesChecked: report.tables.filter((t) => t.recomputed > 0).length,
    notRecomputed: report.tables.reduce((n, t) => n + t.notRecomputed, 0),
  };
}

/**
 * What the search box looks in: a finding's title, detail, keywords, sheet and cell (and the two
 * as one reference, `Ekonomi!B9`), in lower case.
 */
export function searchText(f: Finding): string {
  return [
    f.title,
    f.detail,
    f.keywords,
    f.sheet ?? '',
    f.cell ?? '',
    cellRef(f.sheet, f.cell) ?? '',
  ]
    .join('\n')
    .toLocaleLowerCase('sv');
}

/**
 * Keeps the findings of one group (or all) whose text or place contains `query`. `texts`, when
 * given, holds `searchText` of each finding, made once for a list searched keystroke by keystroke.
 */
export function filterFindings(
  findings: readonly Finding[],
  group: FindingGroup | 'all',
  query: string,
  texts?: readonly string[],
): Finding[] {
  const q = query.trim().toLocaleLowerCase('sv');
  const out: Finding[] = [];
  findings.forEach((f, i) => {
    if (group !== 'all' && f.group !== group) return;
    if (q !== '' && !(texts?.[i] ?? searchText(f)).includes(q)) return;
    out.push(f);
  });
  return out;
}

/** How many findings each group holds. */
export function countByGroup(findings: readonly Finding[]): Record<FindingGroup, number> {
  const counts: Record<FindingGroup, number> = {
    checks: 0,
    variances: 0,
    indicators: 0,
    risks: 0,
    problems: 0,
  };
  for (const f of findings) counts[f.group] += 1;
  return counts;
}

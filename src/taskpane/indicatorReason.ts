/**
 * An indicator's reason in the pane's language. The report's `reason` is Swedish and stays the
 * report's; in English the pane says it again from the indicator's status, direction, direction
 * source, target, outcome and periods, so the English pane shows no Swedish sentence. Pure.
 */
import type { DirectionSource, Indicator } from '../domain/report';
import { formatNumber, type Locale } from './messages';

/** What told the engine which way is better, as the English reason says it. */
const SOURCE_EN: Record<DirectionSource, string> = {
  operator: "the target's operator",
  column: 'the direction column',
  words: 'the wording of the goal or the name',
  elsewhere: 'the same indicator elsewhere in the workbook',
  history: 'the earlier outcomes',
};

const YEAR = /(?:19|20)\d\d/;

function year(period: string | null): number | null {
  const y = period === null ? null : YEAR.exec(period)?.[0];
  return y === undefined || y === null ? null : Number(y);
}

function withPeriod(value: string, period: string | null): string {
  return period === null || period === '' ? value : `${value} (${period})`;
}

/**
 * The indicator's reason: the report's own in Swedish; built from its fields in English.
 * Principle: the engine's words are Swedish data; the pane's language is the pane's.
 *
 * @example indicatorReason({ status: 'not-met', target: '=0', outcome: 3, … }, 'en')
 *   // → 'The outcome 3 (Prognos 2023) does not meet the target =0 (Mål 2023).'
 */
export function indicatorReason(i: Indicator, locale: Locale): string {
  if (locale === 'sv') return i.reason;
  const outcome =
    i.outcome === null ? null : withPeriod(formatNumber(i.outcome, 'en'), i.outcomePeriod);
  const target = i.target === null ? null : withPeriod(i.target, i.targetPeriod);
  switch (i.status) {
    case 'met':
      return `The outcome ${outcome ?? ''} meets the target ${target ?? ''}.`;
    case 'no-target':
      return 'No target is given; the indicator is not judged.';
    case 'no-outcome':
      return `The target ${target ?? ''} is set, but there is no outcome yet.`;
    case 'not-met':
      if (
        (i.direction === 'higher' || i.direction === 'lower') &&
        i.directionSource !== 'operator'
      ) {
        const side = i.direction === 'higher' ? 'lower' : 'higher';
        const source = i.directionSource === null ? '' : ` (from ${SOURCE_EN[i.directionSource]})`;
        return `The outcome ${outcome ?? ''} is ${side} than the target ${target ?? ''}; ${i.direction} is better${source}.`;
      }
      return `The outcome ${outcome ?? ''} does not meet the target ${target ?? ''}.`;
    case 'unclear':
      return unclearReason(i, outcome, target);
  }
}

/** Why an indicator could not be judged, from what the report holds. */
function unclearReason(i: Indicator, outcome: string | null, target: string | null): string {
  const targetYear = year(i.targetPeriod);
  const outcomeYear = year(i.outcomePeriod);
  if (target === null) return 'The target cannot be read; the indicator cannot be judged.';
  if (outcome === null) return `The target ${target} cannot be compared; there is no outcome.`;
  if (targetYear !== null && outcomeYear !== null && targetYear < outcomeYear) {
    return `The targets are for years before the outcome ${outcome}; there is no target to compare with.`;
  }
  if (i.direction === 'unknown') {
    return `The target ${target} gives no direction and nothing says whether higher or lower is better; the outcome ${outcome} cannot be judged.`;
  }
  return `The outcome ${outcome} and the target ${target} do not compare (their units differ); the indicator cannot be judged.`;
}

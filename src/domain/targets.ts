import { Decimal } from './decimal';
import type { CellValue } from './grid';
import {
  figureWithUnit,
  isPercentFormat,
  isNoValue,
  normaliseText,
  parseSwedishNumber,
  readNumber,
} from './values';

export type TargetOp = '>=' | '<=' | '>' | '<' | '=' | 'range' | 'plain';

/** A target as written: `≤108`, `= 100%`, `70-100`, `minst 90`, or a plain number. */
export interface Target {
  text: string;
  op: TargetOp;
  value: Decimal;
  /** Upper bound of a range. */
  high: Decimal | null;
  percent: boolean;
  /** The unit written with the target's number (`Högst 15 µg/m3`), or null. */
  unit?: string | null;
}

const OPS: [RegExp, TargetOp][] = [
  [/^(≥|>=|=>|minst|lägst)/i, '>='],
  [/^(≤|<=|=<|högst|max(imalt|\.)?)/i, '<='],
  [/^>/, '>'],
  [/^</, '<'],
  [/^(=|lika med)/i, '='],
];

/**
 * Reads a target cell. Returns null for no target, 'unreadable' for text that is not a target.
 * Example: parseTarget('≥ 85') → { op: '>=', value: 85 }; parseTarget('70-100') → a range.
 */
export function parseTarget(cell: CellValue, format: string | null): Target | null | 'unreadable' {
  if (cell === null || isNoValue(cell)) return null;
  if (typeof cell === 'number') {
    const n = readNumber(cell, format);
    if (!n) return null;
    const text = isPercentFormat(format)
      ? `${n.value.toString().replace('.', ',')} %`
      : n.value.toString().replace('.', ',');
    return { text, op: 'plain', value: n.value, high: null, percent: n.percent };
  }
  if (typeof cell !== 'string') return 'unreadable';
  // A column of indicators repeats a few targets: each text is read once (targets are not changed).
  let target = TEXT_TARGETS.get(cell);
  if (target === undefined) {
    if (TEXT_TARGETS.size >= MAX_TEXT_TARGETS) TEXT_TARGETS.clear();
    TEXT_TARGETS.set(cell, (target = parseTextTarget(cell)));
  }
  return target;
}

/** Targets read from texts, by the text; emptied when full, so it stays small. */
const TEXT_TARGETS = new Map<string, Target | 'unreadable'>();
const MAX_TEXT_TARGETS = 1_000;

function parseTextTarget(cell: string): Target | 'unreadable' {
  const text = normaliseText(cell);
  // `Mål <20`, `Målvärde: ≥ 90`: the word that names the target is no part of it.
  let rest = text.replace(/^(målvärde|målnivå|mål)\s*:?\s*(?=[≥≤<>=]|minst|högst|max|lägst)/iu, '');
  let op: TargetOp = 'plain';
  for (const [re, o] of OPS) {
    const m = re.exec(rest);
    if (m) {
      op = o;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  const range =
    /^([+\-−]?\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(%)?\s*[-–—]\s*(\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(%)?$/.exec(
      rest,
    );
  if (range && op === 'plain') {
    const lo = parseSwedishNumber(range[1] ?? '');
    const hi = parseSwedishNumber(range[3] ?? '');
    if (!lo || !hi) return 'unreadable';
    return {
      text,
      op: 'range',
      value: lo.value,
      high: hi.value,
      percent: Boolean(range[2] ?? range[4]),
    };
  }
  // Words may stand between the operator and the number (`Minst index 41`, `Lägst NMI 70`,
  // `Högst 5 dagar`): the name of the measure before it, its unit after it.
  if (op !== 'plain') rest = rest.replace(/^[\p{L}.-]+(\s+[\p{L}.-]+){0,2}\s+(?=[+\-−]?\d)/u, '');
  const n = parseSwedishNumber(withoutUnitWord(rest));
  if (!n || (n.note !== null && !/^\(/.test(n.note))) {
    // A measure's own unit after the number (`Högst 15 µg/m3 (2025)`, `479 kg/person`).
    const withUnit = figureWithUnit(rest);
    if (!withUnit) return 'unreadable';
    const f = withUnit.figure;
    return { text, op, value: f.value, high: null, percent: f.percent, unit: withUnit.unit };
  }
  return { text, op, value: n.value, high: null, percent: n.percent };
}

/** A target's number without the unit word after it: `5 dagar` → `5`, `80 procent` → `80 %`. */
function withoutUnitWord(text: string): string {
  if (!/\d\s+\p{L}/u.test(text)) return text; // no word after a number: nothing to take out
  return text
    .replace(/\s*procent$/iu, ' %')
    .replace(
      /(\d)\s+(dagar|dag|st|stycken|personer|timmar|veckor|månader|kr|tkr|poäng|år|minuter)\.?$/iu,
      '$1',
    );
}

/** True when an outcome meets a target with a known operator (not for plain targets). */
export function meets(outcome: Decimal, t: Target): boolean {
  switch (t.op) {
    case '>=':
      return outcome.gte(t.value);
    case '<=':
      return outcome.lte(t.value);
    case '>':
      return outcome.gt(t.value);
    case '<':
      return outcome.lt(t.value);
    case '=':
      return outcome.eq(t.value);
    case 'range':
      return outcome.gte(t.value) && outcome.lte(t.high ?? t.value);
    case 'plain':
      return outcome.eq(t.value);
  }
}

import { Decimal } from './decimal';
import type { GoalRule, GoalSettings, GoalVerdict, Indicator } from './report';
import { parseTarget } from './targets';

/** The words of a verdict, as documents print them: `helt` → `helt uppfyllt`. */
export function verdictWords(v: string | number): string {
  if (typeof v === 'number') return String(v);
  switch (v) {
    case 'helt':
      return 'helt uppfyllt';
    case 'i-hog-grad':
      return 'i hög grad uppfyllt';
    case 'delvis':
      return 'delvis uppfyllt';
    case 'ej':
      return 'ej uppfyllt';
    case 'ej-bedomd':
      return 'ej bedömd';
    default:
      return v;
  }
}

/**
 * The verdict a text prints: `Målet uppfyllt`, `Målet är uppfyllt`, `Helt uppfyllt` → helt;
 * `I hög grad uppfyllt` → i-hog-grad; `Delvis uppfyllt` → delvis; `Ej uppfyllt`, `Inte uppfyllt`,
 * `Målet uppfylls inte` → ej; signal words `grön` / `gul` / `röd` likewise. Null when it says none.
 * Example: readVerdict('Bedömning: ej uppfyllt') → 'ej'.
 */
export function readVerdict(text: string): GoalVerdict | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (/ej bedöm|inte bedöm|kan inte bedömas|går inte att bedöma/.test(t)) return 'ej-bedomd';
  if (
    /(?<![\p{L}])(ej|inte|icke) (helt |alls )?uppfyll|uppfylls inte|är inte uppfyllt|har inte uppfyllts|ej uppnått|inte uppnått/u.test(
      t,
    )
  )
    return 'ej';
  if (/i hög grad uppfyll|till stor del uppfyll/.test(t)) return 'i-hog-grad';
  if (/delvis uppfyll|delvis uppnå/.test(t)) return 'delvis';
  if (/(helt|målet( är)?|har) uppfyll|(helt|målet( är)?) uppnå|uppfyllt(?![\p{L}])/u.test(t))
    return 'helt';
  if (/^(grön|grönt)$/.test(t.trim())) return 'helt';
  if (/^(gul|gult)$/.test(t.trim())) return 'delvis';
  if (/^(röd|rött)$/.test(t.trim())) return 'ej';
  return null;
}

/** The verdict phrase taken out of a goal's text: `… digitaliseringsarbetet  Målet uppfyllt` → `… digitaliseringsarbetet`. */
export function withoutVerdict(text: string): string {
  return text
    .replace(
      /\s*(bedömning\s*:?\s*)?(målet (är )?(helt |delvis |ej |inte )?uppfyllt|(helt|delvis|ej|inte|i hög grad) uppfyllt)\.?\s*$/iu,
      '',
    )
    .trim();
}

const DEFAULTS = {
  rule: 'share',
  scale: 4,
  upper: 75,
  lower: 25,
  bandsHelt: 100,
  bandsDelvis: 80,
} as const;

const RULE_WORD: Record<GoalRule, string> = { share: 'andel', worst: 'svagaste', bands: 'nivå' };

/** A goal's verdict from its indicators, with the counts and a Swedish reason. */
export interface GoalJudgement {
  verdict: GoalVerdict;
  rule: GoalRule;
  met: number;
  notMet: number;
  unclear: number;
  noOutcome: number;
  reason: string;
}

/**
 * Judges a goal by its indicators under a rule (domain.md, "Goals and their verdicts"):
 * `share` (default): all met → helt; at least `upper` % → i hög grad; at least `lower` % →
 * delvis; else ej (three steps: all → helt, any → delvis, none → ej). `worst`: the weakest
 * indicator decides (any not met → ej). `bands`: each indicator's outcome as a percentage of its
 * target, averaged: ≥ 100 % helt, ≥ 80 % delvis, else ej. An `unclear` or `no-outcome` indicator is
 * not assessed; fewer than half assessed → ej bedömd. Följetal (`no-target`) do not count.
 * Example: 2 met, 1 not met, 1 without outcome → share 67 % → delvis, "2 av 4 indikatorer
 * uppfyllda, 1 utan utfall; regel: andel".
 */
export function judgeGoal(
  indicators: readonly Indicator[],
  settings: GoalSettings = {},
): GoalJudgement {
  const s = { ...DEFAULTS, ...settings };
  const counted = indicators.filter((i) => i.status !== 'no-target');
  const met = counted.filter((i) => i.status === 'met').length;
  const notMet = counted.filter((i) => i.status === 'not-met').length;
  const unclear = counted.filter((i) => i.status === 'unclear').length;
  const noOutcome = counted.filter((i) => i.status === 'no-outcome').length;
  const assessed = met + notMet;
  const parts = [`${met} av ${counted.length} indikatorer uppfyllda`];
  if (notMet > 0) parts.push(`${notMet} ej uppfyllda`);
  if (noOutcome > 0) parts.push(`${noOutcome} utan utfall`);
  if (unclear > 0) parts.push(`${unclear} oklara`);
  const tail = `; regel: ${RULE_WORD[s.rule]}`;
  const judged = (verdict: GoalVerdict, extra = ''): GoalJudgement => ({
    verdict,
    rule: s.rule,
    met,
    notMet,
    unclear,
    noOutcome,
    reason: `${parts.join(', ')}${extra}${tail}`,
  });
  if (counted.length === 0 || assessed * 2 < counted.length) {
    return judged('ej-bedomd', counted.length === 0 ? '' : '; för få bedömda för att bedöma målet');
  }
  if (s.rule === 'worst') return judged(notMet > 0 ? 'ej' : 'helt');
  if (s.rule === 'bands') {
    const levels = counted.map(levelOf).filter((x): x is Decimal => x !== null);
    if (levels.length === 0) return judged('ej-bedomd', '; inga nivåer att jämföra');
    const avg = levels.reduce((a, b) => a.plus(b), new Decimal(0)).div(levels.length);
    const shown = avg.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString();
    const extra = `; i snitt ${shown} % av målen`;
    if (avg.gte(s.bandsHelt)) return judged('helt', extra);
    if (avg.gte(s.bandsDelvis)) return judged('delvis', extra);
    return judged('ej', extra);
  }
  if (met === assessed) return judged('helt');
  if (s.scale === 3) return judged(met > 0 ? 'delvis' : 'ej');
  const share = (met * 100) / assessed;
  if (share >= s.upper) return judged('i-hog-grad');
  if (share >= s.lower) return judged('delvis');
  return judged('ej');
}

/** An indicator's outcome as a percentage of its target (higher-is-better; inverted for lower). */
function levelOf(i: Indicator): Decimal | null {
  if ((i.status !== 'met' && i.status !== 'not-met') || i.outcome === null || i.target === null)
    return null;
  const t = parseTarget(i.target, null);
  if (t === null || t === 'unreadable') return null;
  const outcome = new Decimal(i.outcome);
  const hundred = new Decimal(100);
  if (i.direction === 'lower') {
    if (outcome.isZero()) return i.status === 'met' ? hundred : null;
    return t.value.div(outcome).times(100);
  }
  if (i.direction === 'higher') return t.value.isZero() ? null : outcome.div(t.value).times(100);
  return i.status === 'met' ? hundred : null;
}

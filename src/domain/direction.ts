/** Which way is better for an indicator, as words say it. */
export type WordDirection = 'higher' | 'lower' | null;

const L = '(?<![\\p{L}])';
const R = '(?![\\p{L}])';
const LOWER_NEGATED = new RegExp(
  `${L}(ska|får) inte[^.]{0,80}?(vara|bli)? ?(högre|större|fler|överstiga)${R}`,
  'iu',
);
const HIGHER_NEGATED = new RegExp(
  `${L}(ska|får) inte[^.]{0,80}?(vara|bli)? ?(lägre|mindre|färre|understiga)${R}`,
  'iu',
);
const LOWER = new RegExp(
  `${L}(minska|minskar|minskad|minskade|minskat|minskning|sänka|sänks|sänkt|färre|lägre|kortare|förkorta|förkortas|halvera|halveras|reducera|reduceras|högst|max)${R}`,
  'iu',
);
const HIGHER = new RegExp(
  `${L}(öka|ökar|ökad|ökade|ökat|ökning|fler|högre|höja|höjs|förbättra|förbättras|stärka|stärks|mer|större|minst|nöjd|nöjda|nöjdhet)${R}`,
  'iu',
);

const LEADING_LOW = /^\s*(låg|låga|lågt)(?![\p{L}])/iu;
const LEADING_HIGH = /^\s*(hög|höga|högt)(?![\p{L}])/iu;

/**
 * The direction a text asks for: `ska öka`, `fler`, `hög`, `nöjda` → higher; `ska minska`,
 * `färre`, `låg` (`Låg sjukfrånvaro`), `ska inte ... vara högre än` → lower. Null when it says
 * nothing, or both.
 * Example: directionFromWords('Personalomsättningen ska minska') → 'lower'.
 */
export function directionFromWords(raw: string): WordDirection {
  const text = withoutThresholds(raw);
  if (LOWER_NEGATED.test(text)) return 'lower';
  if (HIGHER_NEGATED.test(text)) return 'higher';
  // `Hög` / `Låg` state the goal only as its first word (`Låg sjukfrånvaro`, `Hög kvalitet`);
  // inside a name they describe what is counted (`Andel elever med hög frånvaro`).
  const lower = LOWER.test(text) || LEADING_LOW.test(text);
  const higher = HIGHER.test(text) || LEADING_HIGH.test(text);
  if (lower && !higher) return 'lower';
  if (higher && !lower) return 'higher';
  return null;
}

/**
 * A `minst` / `högst` / `max` with a number inside a name that sets no target (no `ska`, `bör`)
 * says what is counted, not which way is better: `tillgång till bredband om minst 100 Mbit/s`,
 * `elever med högst 2 frånvarodagar`. Those words are left out before the direction is read; at
 * the start of a text (`Minst 90 % behöriga`) or after `ska` they state the target and stay.
 */
function withoutThresholds(text: string): string {
  if (/(?<![\p{L}])(ska|skall|bör)(?![\p{L}])/iu.test(text)) return text;
  return text.replace(/(?<=\p{L}[\s,]+)(minst|högst|max|maximalt)\s+(?=\d)/giu, '');
}

/** Direction from a `Riktning` cell: `öka`, `minska`, `högre`, `lägre`, `↑`, `↓`. */
export function directionFromCell(text: string): WordDirection {
  const t = text.trim().toLowerCase();
  if (/^(↑|\+|upp)/.test(t)) return 'higher';
  if (/^(↓|ned|ner)/.test(t)) return 'lower';
  return directionFromWords(t);
}

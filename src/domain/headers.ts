import type { Unit } from './report';
import { normaliseText } from './values';

/** What a column holds, read from its header words. */
export type ColumnRole =
  | 'label'
  | 'budget'
  | 'budget-costs' // Budget kostnader: a part of the budget, not a baseline
  | 'budget-income' // Budget intäkter
  | 'income' // Intäkter: the income part of an outcome (`Intäkter | Kostnader | Netto`)
  | 'costs' // Kostnader
  | 'adjustment' // Förslag till omdisponering, Ombudgetering
  | 'forecast'
  | 'outcome'
  | 'variance'
  | 'difference'
  | 'target'
  | 'probability'
  | 'consequence'
  | 'risk-value'
  | 'risk'
  | 'process'
  | 'direction'
  | 'note' // Not: the number of a note, never an amount
  | 'goal' // a column of goal sentences (`Nämndens mål`, `Mål` holding sentences)
  | 'year' // a bare year: a figure of that year whose role the header does not say
  | 'other';

/** A period as a header gives it: a year and, for interim figures, the month it ends. */
export interface Period {
  year: number;
  /** Month the period ends (12 for a full year; 4 for T1, 8 for T2 / 31 aug / delår). */
  month: number;
  /** True for interim periods (tertial, delår, 31 aug): not comparable with a full-year budget. */
  interim: boolean;
}

export interface ColumnHeader {
  /** The header as understood, upper row and lower row joined: `Prognos 2023`. */
  text: string;
  role: ColumnRole;
  period: Period | null;
  /** Further years named (`Diff. utfall 2022/2023` → [2022, 2023]). */
  years: number[];
  unit: Unit | null;
  percent: boolean;
  /** How far into the year the figures reach, whether or not the header names a year. */
  reach: Reach;
  /** The years the figures cover (`Budget 2021–2024` → 2021–2024), or null without a year. */
  span: { from: number; to: number } | null;
}

const WORD = (w: string): RegExp => new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'iu');

/** Finds a unit in a header or title: `tkr`, `Belopp i tkr`, `Mnkr`, `miljoner kronor`. */
export function findUnit(text: string): Unit | null {
  const t = text.toLowerCase();
  if (/(?<![\p{L}])(mnkr|mkr|mn kr|miljoner kronor|miljoner kr)(?![\p{L}])/u.test(t)) return 'mnkr';
  if (/(?<![\p{L}])(tkr|tusental kronor|tusen kronor|tusentals kronor)(?![\p{L}])/u.test(t))
    return 'tkr';
  if (/(?<![\p{L}])(kr|kronor)(?![\p{L}])/u.test(t)) return 'kr';
  return null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  maj: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  okt: 10,
  nov: 11,
  dec: 12,
};

/** How far into a year a header's figures reach: the month it ends, and whether it is interim. */
export interface Reach {
  /** 12 for a full year; 4 for T1, 8 for T2 / 31 aug / delår; 0 for an interim period of unknown length. */
  month: number;
  interim: boolean;
}

/**
 * The period words of a header, with or without a year: `helår`, `T2`, `31 aug`, `jan–apr`,
 * `januari–okt`, `t.o.m. aug`, `delår`, `Periodutfall`. A month after `Prognos` (`Prognos apr`)
 * dates the forecast, it is no period of its own: such a header reaches the full year.
 */
function findReach(t: string): Reach {
  if (/helår|31 dec|årsbokslut|bokslut \d/.test(t) && !/delår/.test(t)) {
    return { month: 12, interim: false };
  }
  const tertial = /(?<![\p{L}])t([123])(?!\d)/u.exec(t) ?? /tertial\s*([123])/.exec(t);
  if (tertial) {
    const n = Number(tertial[1]);
    return { month: n * 4, interim: n < 3 };
  }
  const q = /(?<![\p{L}])(?:q|kv|kvartal)\s*([1-4])(?!\d)/u.exec(t);
  if (q) {
    const n = Number(q[1]);
    return { month: n * 3, interim: n < 4 };
  }
  const day = /(\d{1,2})\s*(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[\p{L}.]*/u.exec(t);
  if (day) {
    const month = MONTHS[day[2] ?? ''] ?? 12;
    return { month, interim: month < 12 };
  }
  // `jan-aug 2023`, `januari–augusti`, `t.o.m. aug`, `per aug`, `ack. aug`: up to that month.
  const upTo =
    /(?<![\p{L}])jan[\p{L}.]*\s*[-–—]\s*(feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)/u.exec(t) ??
    /(?<![\p{L}])(?:t\.?\s?o\.?\s?m\.?|tom|per|ack\.?|ackumulerat)\s+(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)/u.exec(
      t,
    );
  if (upTo) {
    const month = MONTHS[upTo[1] ?? ''] ?? 12;
    return { month, interim: month < 12 };
  }
  if (/delår|halvår|per \d/.test(t)) return { month: 8, interim: true };
  // `Periodutfall`, `Periodbudget`, `Utfall perioden`, `Ack. utfall`: interim, length not said.
  if (/period(?!isering)|(?<![\p{L}])ack(umulerat)?(?![\p{L}])/u.test(t))
    return { month: 0, interim: true };
  return { month: 12, interim: false };
}

/** Reads the period a header names: `2023`, `T2 2017`, `31 aug 2023`, `helår 2023`, `delår 2023`. */
export function findPeriod(text: string): Period | null {
  const t = text.toLowerCase();
  const years = findYears(t);
  const year = years[years.length - 1];
  if (year === undefined) return null;
  return { year, ...findReach(t) };
}

/**
 * The span of years a header covers: one year (`Budget 2023` → 2023–2023), a multi-year frame
 * (`Budget 2021–2024` → 2021–2024), or none (`Budget`). A frame of a span pairs only with figures
 * of the same span, never with one of its years.
 */
export function findSpan(text: string): { from: number; to: number } | null {
  const frame = /(?<!\d)(19[89]\d|20\d\d)\s*[-–—]\s*(19[89]\d|20\d\d|\d\d)(?!\d)/.exec(text);
  if (frame) {
    const from = Number(frame[1]);
    const raw = frame[2] ?? '';
    const to = raw.length === 2 ? Math.floor(from / 100) * 100 + Number(raw) : Number(raw);
    if (to > from) return { from, to };
  }
  const years = findYears(text);
  const year = years[years.length - 1];
  return year === undefined ? null : { from: year, to: year };
}

/** All four-digit years named in a header, in order. */
export function findYears(text: string): number[] {
  return [...text.matchAll(/(?<!\d)(19[89]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
}

/** True for a header that is only a period (`2023`, `T2 2017`): its role comes from elsewhere. */
function isBarePeriod(t: string): boolean {
  const m = '(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö.]*';
  const period = `(helår|delår|t[123]|tertial\\s*[123]|${m}\\s*[-–—]\\s*${m}|\\d{1,2}\\s*${m}|per\\s*${m})`;
  // A group name and a year (`Kommunen 2014`, `Koncernen 2013`) is a period of that group.
  const group = '(kommunen|koncernen|kommunkoncernen|sammanställd redovisning)';
  const re = new RegExp(
    `^(${group}\\s+)?(${period}\\s*)?(19[89]\\d|20\\d\\d)(\\s*\\((tkr|mnkr|kr|%)\\))?$`,
    'iu',
  );
  return (
    re.test(t) || /^(19[89]\d|20\d\d)-\d\d-\d\d$|^\d{1,2}\/\d{1,2}\/(19[89]\d|20\d\d)$/.test(t)
  );
}

/** The group a header names beside its year: `Kommunen 2014` → `kommunen`. */
export function groupInHeader(text: string): string {
  const m = /^(kommunen|koncernen|kommunkoncernen|sammanställd redovisning)(?![\p{L}])/iu.exec(
    normaliseText(text),
  );
  return m ? (m[1] ?? '').toLowerCase() : '';
}

/**
 * Reads a column header's role, period and unit. Words are tried from the most specific:
 * `Avv. prognos/budget 2023` is a variance, not a forecast; `Budget kostnader` is a part.
 * Example: classifyHeader('Bokslut 2023 (tkr)') → role outcome, period 2023, unit tkr.
 */
export function classifyHeader(raw: string): ColumnHeader {
  const text = normaliseText(raw);
  const t = text.toLowerCase();
  const period = findPeriod(t);
  const years = findYears(t);
  const unit = findUnit(t);
  const percent = /%|(?<![\p{L}])procent(?![\p{L}])/u.test(t);
  // A word broken across lines in a copied page (`Av-vikelse`, `Kost-nader`) is one word.
  const own = roleOf(t);
  const role = own === 'other' ? roleOf(t.replace(/(\p{Ll})-(\p{Ll})/gu, '$1$2')) : own;
  const reach = findReach(t);
  const span = findSpan(t);
  return { text, role, period, years, unit, percent, reach, span };
}

function roleOf(t: string): ColumnRole {
  if (t === '') return 'other';
  if (WORD('avv\\.?').test(t) || /avvikelse|över-?\s*\/?\s*underskott/.test(t)) return 'variance';
  // What is left of the budget (`Återstår`, `Kvar`, `Återstående budget`, `Ej förbrukat`) is
  // budget − utfall: a variance column, checked as one.
  if (
    /^(återstår|återstående|kvar|kvarstår|kvarstående|ej förbrukat|ej utnyttjat|outnyttjat|kvar att förbruka)(?![\p{L}])/u.test(
      t,
    )
  )
    return 'variance';
  // `Procent` or `%` alone beside a variance: the variance as a share of the budget.
  if (/^(procent|%|i %)$/.test(t)) return 'variance';
  if (WORD('diff\\.?').test(t) || /differens|förändring/.test(t)) return 'difference';
  if (/sannolikhet/.test(t)) return 'probability';
  if (/väsentlighet|konsekvens/.test(t)) return 'consequence';
  if (/riskvärde|riskpoäng/.test(t)) return 'risk-value';
  if (/^(identifierad\s+)?risk(er)?\b|riskbeskrivning|^risk/.test(t)) return 'risk';
  if (/huvudprocess|^process/.test(t)) return 'process';
  if (/riktning/.test(t)) return 'direction';
  if (/^(not|noter|not nr)$/.test(t)) return 'note';
  if (/omdisponering|ombudgetering|tilläggsanslag|omföring/.test(t)) return 'adjustment';
  if (/målvärde|målnivå|godkänd nivå|gränsvärde|(?<![\p{L}])mål(?![\p{L}])|^mål\b/u.test(t))
    return 'target';
  // The frame the committee is given is its budget: `Kommunbidrag`, `Budgetram`, `Nettoram`.
  if (
    /budget|(?<![\p{L}])ram(?![\p{L}])|nettoram|anslag|kommunbidrag|investeringsplan|plan \d{4}/u.test(
      t,
    )
  ) {
    if (/kostnad/.test(t) && !/total|netto/.test(t)) return 'budget-costs';
    if (/intäkt/.test(t) && !/total|netto/.test(t)) return 'budget-income';
    return 'budget';
  }
  if (/prognos|beräknat utfall|bedömt utfall|förväntat utfall/.test(t)) return 'forecast';
  if (/^(summa |totala )?intäkter(?![\p{L}])/u.test(t)) return 'income';
  if (/^(summa |totala )?kostnader(?![\p{L}])/u.test(t)) return 'costs';
  // What was spent: `Utfall`, `Bokslut`, `Redovisning`, `Nettokostnad 2022`, `Resultat`.
  if (
    /utfall|bokslut|redovisning|resultat \d{4}|^resultat$|^utf\.?|nettokostnad|^netto(?![a-zåäö])|^bokfört|^verklig|^senaste (värde|mätning)/.test(
      t,
    )
  ) {
    return 'outcome';
  }
  if (isBarePeriod(t)) return 'year';
  return 'other';
}

/**
 * Joins a two-row header: the upper cell (often merged: `2023`) gives the period, the lower one
 * the role (`Prognos`). `joinHeader('2023', 'Prognos')` → `Prognos 2023`.
 */
export function joinHeader(upper: string, lower: string): string {
  const u = normaliseText(upper);
  const l = normaliseText(lower);
  if (u === '') return l;
  if (l === '') return u;
  // `Budget` over `2022`: the role above, the year below.
  if (isBarePeriod(l.toLowerCase()) && roleOf(u.toLowerCase()) !== 'other') return `${u} ${l}`;
  if (findYears(l).length > 0) return l;
  return `${l} ${u}`;
}

/**
 * The name of a column group from an upper header cell: words that are neither a period nor a
 * role (`Kommunen`, `Sammanställd redovisning`, `Drift`, `Utgifter`). Figures pair only within
 * their group. Empty for `2023`, `Helår 2023`, `januari–okt 2021`, `Budget`.
 */
export function groupName(upper: string): string {
  const t = normaliseText(upper).toLowerCase();
  if (t === '' || findYears(t).length > 0) return '';
  const reach = findReach(t);
  if (reach.interim || /helår|årsbokslut/.test(t)) return '';
  const role = roleOf(t);
  // `Sammanställd redovisning` names the group of the consolidated accounts, not an outcome.
  if (role !== 'other' && !/sammanställd|koncern|kommunkoncern/.test(t)) return '';
  if (findUnit(t) && t.length < 30) return '';
  return t;
}

/**
 * In a risk table the letters of a risk matrix name its columns: `S` sannolikhet, `K` konsekvens,
 * `R` / `RV` / `S×K` riskvärde. Elsewhere a lone letter says nothing, so only a table with a risk
 * column asks. Example: riskLetterRole('S×K') → 'risk-value'.
 */
export function riskLetterRole(text: string): ColumnRole | null {
  const t = text.trim().toLowerCase();
  if (t === 's') return 'probability';
  if (t === 'k') return 'consequence';
  return /^(r|rv|s\s*[x×*]\s*k)$/u.test(t) ? 'risk-value' : null;
}

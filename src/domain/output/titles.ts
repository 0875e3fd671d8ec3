/**
 * Titles and headers of the document tables: what the documents print above their tables,
 * `Driftredovisning socialnämnden, bokslut 2023 (tkr)`, with the committee, the period and the
 * unit; headers without the unit the title already gives (`Bokslut 2023 (tkr)` → `Bokslut 2023`).
 */
import { findYears } from '../headers';
import type { TableKind, Unit } from '../report';

/**
 * A header as the document table prints it: the unit the title gives taken out, spaces folded.
 *
 * @example cleanHeader('Bokslut 2023 (tkr)') // → 'Bokslut 2023'
 * @example cleanHeader('Avvikelse (tkr)') // → 'Avvikelse'
 */
export function cleanHeader(text: string): string {
  return text
    .replace(/\s*\(\s*(tkr|mnkr|mkr|kr|tusen kronor|miljoner kronor)\s*\)/giu, '')
    .replace(/\s*[-–,]?\s*(belopp i\s+)?(tkr|mnkr|mkr)\s*$/iu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A source title without its section number and unit: `4.1 Ekonomisk sammanställning (tkr)` →
 * `Ekonomisk sammanställning`; `9.1 Socialnämndens följetal nämndplan` → `Socialnämndens
 * följetal nämndplan`.
 */
export function plainTitle(title: string | null): string {
  if (title === null) return '';
  const t = cleanHeader(title.replace(/^\s*\d+(\.\d+)*\.?\s+/, ''))
    .replace(/[:.]\s*$/, '')
    .trim();
  return t;
}

/**
 * The period of a comparison as a title says it: the actual column's header in lower case, with
 * the budget's year where it names none (`Utfall` beside `Budget 2023` → `utfall 2023`).
 *
 * @example periodOf('Bokslut 2023 (tkr)', 'Budget 2023 (tkr)') // → 'bokslut 2023'
 * @example periodOf('Prognos helår 2023', 'Budget 2023') // → 'prognos helår 2023'
 */
export function periodOf(actual: string, baseline: string): string {
  const a = cleanHeader(actual);
  const years = findYears(a).length > 0 ? [] : findYears(baseline);
  const year = years[years.length - 1];
  const phrase = year === undefined ? a : `${a} ${year}`;
  return phrase.charAt(0).toLocaleLowerCase('sv') + phrase.slice(1);
}

/**
 * The years a set of headers name, as a span: `2024–2027`, `2023`, or '' for none.
 *
 * @example yearSpan(['2024', '2025', '2026', '2027']) // → '2024–2027'
 */
export function yearSpan(headers: readonly string[]): string {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const h of headers) {
    for (const y of findYears(h)) {
      if (y < first) first = y;
      if (y > last) last = y;
    }
  }
  if (!Number.isFinite(first)) return '';
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * What a money table is called in the documents: `Ekonomisk sammanställning` where the source says
 * so, `Driftredovisning` for operating figures against a budget, `Investeringsredovisning` for
 * investments against a budget; a plan without outcomes keeps its own word (`Investeringsplan`,
 * `Driftbudget`).
 */
export function moneyTableName(
  kind: TableKind,
  sourceTitle: string | null,
  hasVariance: boolean,
): string {
  const t = (sourceTitle ?? '').toLocaleLowerCase('sv');
  if (kind === 'investments') {
    if (hasVariance) return 'Investeringsredovisning';
    if (/investeringsplan/.test(t)) return 'Investeringsplan';
    return 'Investeringsbudget';
  }
  if (/ekonomisk sammanställning/.test(t)) return 'Ekonomisk sammanställning';
  if (hasVariance) return 'Driftredovisning';
  if (/resultaträkning/.test(t)) return 'Resultaträkning';
  return 'Driftbudget';
}

/**
 * A document table's title: name, committee, period, unit, each left out where unknown.
 *
 * @example composeTitle('Driftredovisning', 'socialnämnden', 'bokslut 2023', 'tkr')
 *   // → 'Driftredovisning socialnämnden, bokslut 2023 (tkr)'
 */
export function composeTitle(
  name: string,
  committee: string | null,
  period: string,
  unit: Unit | null,
): string {
  const named =
    committee !== null && !name.toLocaleLowerCase('sv').includes(committee.slice(0, -2))
      ? `${name} ${committee}`
      : name;
  const dated = period === '' || named.includes(period) ? named : `${named}, ${period}`;
  return unit === null ? dated : `${dated} (${unit})`;
}

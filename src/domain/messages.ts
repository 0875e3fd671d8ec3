import type { Problem, ProblemSeverity } from './report';

/** Every problem the engine can report. Codes are stable: other tools read them. */
export const PROBLEM_CODES = [
  'unknown-unit',
  'unknown-sign-convention',
  'sign-convention-inferred',
  'forecast-deviation-column',
  'total-not-reproduced',
  'difference-not-reproduced',
  'variance-not-reproduced',
  'ambiguous-header',
  'unread-table',
  'unreadable-number',
  'error-value',
  'unreadable-target',
  'indicator-without-goal',
  'figure-too-large',
  'unknown-risk-level',
  'empty-workbook',
  'no-tables',
  'unreadable-sheet',
] as const;

/** True for a code this version of the engine knows (a report may come from elsewhere). */
export function isProblemCode(code: string): code is ProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(code);
}

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Locale = 'sv' | 'en';

export type MessageParams = Record<string, string | number>;

function assertNever(x: never): never {
  throw new Error(`Unhandled message code: ${String(x)}`);
}

/**
 * The words for a problem code, in Swedish (default) or English. The switch must cover every code.
 * Example: problemText('unknown-unit', {}, 'sv') → 'Tabellens enhet framgår inte …'.
 */
export function problemText(code: ProblemCode, p: MessageParams, locale: Locale = 'sv'): string {
  const sv = locale === 'sv';
  switch (code) {
    case 'unknown-unit':
      return sv
        ? 'Tabellens enhet (kr, tkr, mnkr) framgår varken av rubriken eller titeln; avvikelserna redovisas utan enhet.'
        : 'The table’s unit (kr, tkr, mnkr) is not given by its header or title; variances are shown without a unit.';
    case 'unknown-sign-convention':
      return sv
        ? 'Det går inte att avgöra om kostnaderna är negativa eller positiva i tabellen; inga avvikelser beräknas.'
        : 'Cannot tell whether costs are negative or positive in this table; no variances are computed.';
    case 'sign-convention-inferred':
      return sv
        ? `Teckenkonventionen (${String(p.convention)}) är härledd från att beloppen är ${String(p.sign)}; inga rader är märkta som intäkter eller kostnader.`
        : `The sign convention (${String(p.convention)}) is inferred from the amounts being ${String(p.sign)}; no rows are labelled income or costs.`;
    case 'forecast-deviation-column':
      return sv
        ? `Kolumnen "${String(p.header)}" innehåller prognosavvikelser, inte prognosbelopp; ingen avvikelse beräknas från den.`
        : `Column "${String(p.header)}" holds forecast deviations, not forecast amounts; no variance is computed from it.`;
    case 'total-not-reproduced':
      return sv
        ? `Summaraden "${String(p.label)}" går inte att återskapa av raderna ovanför i någon kolumn; kontrollera vilka rader den summerar.`
        : `The total row "${String(p.label)}" cannot be reproduced from the rows above it in any column.`;
    case 'difference-not-reproduced':
      return sv
        ? `Kolumnen "${String(p.header)}" går inte att återskapa som skillnad mellan två kolumner; den kontrolleras inte.`
        : `Column "${String(p.header)}" cannot be reproduced as the difference of two columns; it is not checked.`;
    case 'variance-not-reproduced':
      return sv
        ? `Avvikelsekolumnen "${String(p.header)}" går inte att återskapa ur två kolumner i tabellen; dess belopp kontrolleras inte.`
        : `The variance column "${String(p.header)}" cannot be reproduced from two columns of the table; its figures are not checked.`;
    case 'ambiguous-header':
      return sv
        ? `Rubriken "${String(p.header)}" går inte att tolka (budget, prognos, utfall, avvikelse, mål?).`
        : `The header "${String(p.header)}" cannot be understood (budget, forecast, outcome, variance, target?).`;
    case 'unread-table':
      return sv
        ? `Tabellen har tal men ${p.headers ? `inga kolumner som går att tolka (${String(p.headers)})` : 'inga kolumnrubriker'}; den kontrolleras inte.`
        : `The table holds figures but ${p.headers ? `no column that can be understood (${String(p.headers)})` : 'no column headers'}; it is not checked.`;
    case 'unreadable-number':
      return sv
        ? `Värdet "${String(p.text)}" går inte att läsa som ett tal.`
        : `The value "${String(p.text)}" cannot be read as a number.`;
    case 'error-value':
      return sv
        ? `Cellen visar felet ${String(p.text)}; den räknas inte med i kontrollerna.`
        : `The cell shows the error ${String(p.text)}; it is left out of the checks.`;
    case 'unreadable-target':
      return sv
        ? `Målet "${String(p.text)}" går inte att tolka.`
        : `The target "${String(p.text)}" cannot be understood.`;
    case 'figure-too-large':
      return sv
        ? `Avvikelsen på raden "${String(p.label)}" blir för stor för att räknas ut; beloppen går inte att jämföra.`
        : `The variance of row "${String(p.label)}" is too large to compute; the figures cannot be compared.`;
    case 'indicator-without-goal':
      return sv
        ? 'Indikatorerna i tabellen står inte under något mål; de räknas inte in i något måls bedömning.'
        : 'The indicators of this table stand under no goal; they count towards no goal’s verdict.';
    case 'unknown-risk-level':
      return sv
        ? `"${String(p.text)}" är inte en känd nivå 1–5 för ${String(p.what)}.`
        : `"${String(p.text)}" is not a known level 1–5 for ${String(p.what)}.`;
    case 'empty-workbook':
      return sv ? 'Arbetsboken innehåller inga värden.' : 'The workbook holds no values.';
    case 'no-tables':
      return sv ? 'Inga tabeller hittades på bladet.' : 'No tables were found on the sheet.';
    case 'unreadable-sheet':
      return sv
        ? 'Bladet kan inte läsas (det är skadat); inget av dess innehåll finns med i rapporten.'
        : 'The sheet cannot be read (it is damaged); none of its contents are in the report.';
    default:
      return assertNever(code);
  }
}

/** Builds a Problem with its Swedish message. */
export function problem(
  sheet: string | null,
  cell: string | null,
  severity: ProblemSeverity,
  code: ProblemCode,
  params: MessageParams = {},
): Problem {
  return { sheet, cell, severity, code, message: problemText(code, params, 'sv'), params };
}

/**
 * Every text the task pane shows, Swedish first and English second. Components take their words
 * from here through `useMessages()`; nothing user-facing is written inline in a component.
 */
import type { GoalRule, GoalVerdict, IndicatorStatus } from '../domain/report';
import { TEMPLATE_TEXTS, type TemplateTexts } from './templateTexts';

export type Locale = 'sv' | 'en';

export type FindingGroup = 'checks' | 'variances' | 'indicators' | 'risks' | 'problems';

/** The words of one language. Parameterised texts are functions. */
export interface Messages {
  templates: TemplateTexts;
  locale: Locale;
  appTitle: string;
  /** Shown at once while Office starts (`Office.onReady`), before the pane can do anything. */
  starting: string;
  subtitleExcel: string;
  subtitleFile: string;
  switchLanguage: string;
  /** The switch's accessible name: its visible words first (WCAG 2.5.3, label in name). */
  switchLanguageLabel: string;
  analyze: string;
  analyzeAgain: string;
  phase: Record<'reading' | 'analysing' | 'writing', string>;
  /** `Läser Drift (blad 1 av 2): 42 000 rader`; `count` null when not known. */
  readingSheet: (sheet: string, index: number, count: number | null, rows: number) => string;
  progressLabel: string;
  cancel: string;
  /** After the user stopped an analysis. */
  cancelled: string;
  /** After the user stopped writing the report file. */
  writeStopped: string;
  summaryTitle: string;
  summaryUnfavourable: (percent: string) => string;
  summaryIndicators: string;
  indicatorMet: string;
  indicatorNotMet: string;
  indicatorUnclear: string;
  indicatorNoOutcome: string;
  summaryRisksInPlan: (threshold: number) => string;
  summaryMismatches: string;
  summaryTables: (count: number) => string;
  /** What was checked: `42 belopp kontrollerade i 5 tabeller; 1 summa kunde inte kontrolleras`. */
  summaryCoverage: (recomputed: number, tables: number, notRecomputed: number) => string;
  findingsTitle: string;
  groupAll: string;
  groups: Record<FindingGroup, string>;
  filterLabel: string;
  filterPlaceholder: string;
  noFindings: string;
  noFindingsAtAll: string;
  /** `Visar 200 av 46 110.` under a list cut short. */
  findingsShown: (shown: string, total: string) => string;
  /** The button that shows the next page: `Visa 200 till`. */
  showMore: (count: string) => string;
  severity: Record<'critical' | 'warning' | 'info', string>;
  goToCell: (ref: string) => string;
  selectedCell: (ref: string) => string;
  cellNotSelectable: (ref: string) => string;
  noCell: string;
  status: Record<IndicatorStatus, string>;
  checkTitle: (label: string) => string;
  checkDetail: (reported: string, computed: string, difference: string) => string;
  checkSeverity: Record<'mismatch' | 'rounding', string>;
  varianceTitle: (label: string, actual: string) => string;
  varianceDetail: (variance: string, percent: string | null, baseline: string) => string;
  indicatorDetail: (target: string | null, outcome: string | null) => string;
  riskTitle: (risk: string) => string;
  problemDetail: (code: string) => string;
  riskDetail: (p: number, c: number, value: number, inPlan: boolean) => string;
  /** The summary's row of indicators that state no target (följetal apart). */
  indicatorNoTarget: string;
  /** The summary's row of följetal, which have no target by nature. */
  summaryFoljetal: string;
  /** The summary's sections, in their order: money first. */
  summaryResultsTitle: string;
  summaryLargestTitle: string;
  summaryGoalsTitle: string;
  summaryArithmeticTitle: string;
  /** `Prognos 2023: -7 000 tkr (-1,0 %) mot budget, underskott`; `percent` null without one. */
  summaryResult: (
    actual: string,
    amount: string,
    percent: string | null,
    variance: number,
  ) => string;
  /** After the title (the report's Swedish) of a table whose grand total has no variance. */
  summaryNoTotal: string;
  summaryNoBudgetTables: string;
  /** Headings of the largest unfavourable variances beyond `percent` of budget. */
  summaryLargest: (
    part: 'operating-lines' | 'operating-totals' | 'investment-lines' | 'investment-totals',
    percent: string,
  ) => string;
  summaryNoUnfavourable: (percent: string) => string;
  /** `Funktionsstöd (Prognos 2023): -7 740 tkr (-3,7 %)`. */
  summaryVarianceLine: (
    label: string,
    actual: string,
    amount: string,
    percent: string | null,
  ) => string;
  /** An amount with its unit, or said to have none. */
  amountWithUnit: (amount: string, unit: string | null) => string;
  /** `… och 3 till` under a list cut short. */
  summaryMore: (count: number) => string;
  /** The document tables: copy each, download all as Word. */
  documentTablesTitle: string;
  documentTablesHint: string;
  copyTable: string;
  copyTableLabel: (title: string) => string;
  copiedTable: (title: string) => string;
  copyNotAllowed: string;
  downloadDocx: string;
  downloadedDocx: (fileName: string) => string;
  noDocumentTables: string;
  goalsTitle: string;
  noGoals: string;
  /** A goal's verdict in words, always beside its colour. */
  verdict: Record<GoalVerdict, string>;
  /** `2 av 4 uppfyllda`. */
  goalCount: (met: number, of: number) => string;
  /** The verdict the document prints, where it differs: `I dokumentet: helt uppfyllt`. */
  goalReported: (verdict: string) => string;
  showIndicators: (goal: string, count: number) => string;
  /** Accessible name of the tree: the rule in force. */
  goalsTreeLabel: (rule: string) => string;
  looseIndicators: string;
  foljetalTitle: string;
  foljetalNote: string;
  goalRule: string;
  goalRuleHint: string;
  goalRules: Record<GoalRule, string>;
  goalScale: string;
  goalScales: Record<3 | 4, string>;
  goalUpper: string;
  goalLower: string;
  goalSharesHint: string;
  actionsTitle: string;
  writeReportExcel: string;
  writeReportFile: string;
  downloadJson: string;
  writeDone: (names: string[]) => string;
  writeReplaced: (names: string[]) => string;
  writeCancelled: string;
  confirmTitle: string;
  confirmBody: (names: string[]) => string;
  confirmReplace: string;
  confirmCancel: string;
  settingsTitle: string;
  riskThreshold: string;
  riskThresholdHint: string;
  varianceThreshold: string;
  varianceThresholdHint: string;
  /** Where the settings are kept: in the workbook (Excel) or in this browser. */
  settingsInWorkbook: string;
  settingsInBrowser: string;
  settingsNotSavedTitle: string;
  settingsNotSavedWorkbook: (detail: string) => string;
  settingsNotReadWorkbook: (detail: string) => string;
  settingsNotSavedLocal: string;
  languageNotStored: string;
  errorTitle: string;
  errorCellEditMode: string;
  errorBusy: string;
  errorGeneric: (detail: string) => string;
  /**
   * A workbook that cannot be read, from its reason code; null where the error's own (Swedish)
   * words are the language's.
   */
  unreadableWorkbook: ((fileName: string, reason: string) => string) | null;
  retry: string;
  dropZoneLabel: string;
  dropZoneText: string;
  chooseFile: string;
  chosenFile: (name: string) => string;
  notXlsx: (name: string) => string;
  /** The one-line picker after an analysis. */
  changeWorkbook: string;
  /** Said to screen readers (and shown) when an analysis ends. */
  analysisDone: (findings: number, critical: number, warnings: number) => string;
  /** Words the search finds an unfavourable variance by, as the summary says it. */
  deficitWords: string;
  /** The views after an analysis. */
  viewsLabel: string;
  views: Record<'overview' | 'goals' | 'tables', string>;
  /** The summary's counts of goals and arithmetic, folded away under the money. */
  moreFigures: string;
}

const sv: Messages = {
  templates: TEMPLATE_TEXTS.sv,
  locale: 'sv',
  appTitle: 'Nämndplan',
  starting: 'Startar Nämndplan …',
  subtitleExcel: 'Kontrollerar nämndens plan i arbetsboken.',
  subtitleFile: 'Fristående läge: välj en Excel-arbetsbok (.xlsx). Filen lämnar aldrig datorn.',
  switchLanguage: 'In English',
  switchLanguageLabel: 'In English: switch to English',
  analyze: 'Analysera arbetsboken',
  analyzeAgain: 'Analysera igen',
  phase: {
    reading: 'Läser arbetsboken…',
    analysing: 'Analyserar…',
    writing: 'Skriver rapporten…',
  },
  readingSheet: (sheet, i, n, rows) =>
    `Läser ${sheet} (blad ${i}${n === null ? '' : ` av ${n}`}): ` +
    `${formatNumber(rows, 'sv')} ${rows === 1 ? 'rad' : 'rader'}…`,
  progressLabel: 'Förlopp',
  cancel: 'Avbryt',
  cancelled: 'Avbrutet. Inget nytt resultat; analysera igen när du vill.',
  writeStopped: 'Avbrutet: ingen rapport laddades ner.',
  summaryTitle: 'Sammanfattning',
  summaryUnfavourable: (pct) => `Ogynnsamma avvikelser över ${pct} %`,
  summaryIndicators: 'Indikatorer',
  indicatorMet: 'uppfyllda',
  indicatorNotMet: 'ej uppfyllda',
  indicatorUnclear: 'oklara',
  indicatorNoOutcome: 'utan utfall',
  summaryRisksInPlan: (t) => `Risker i internkontrollplanen (riskvärde ≥ ${t})`,
  summaryMismatches: 'Siffror som inte stämmer',
  summaryTables: (n) => (n === 1 ? '1 tabell hittad' : `${n} tabeller hittade`),
  summaryCoverage: (r, t, n) =>
    `${r} belopp kontrollerade i ${t} ${t === 1 ? 'tabell' : 'tabeller'}` +
    (n === 0 ? '' : `; ${n} ${n === 1 ? 'summa' : 'summor'} kunde inte kontrolleras`),
  findingsTitle: 'Fynd',
  groupAll: 'Alla',
  groups: {
    checks: 'Kontroller',
    variances: 'Avvikelser',
    indicators: 'Indikatorer',
    risks: 'Risker',
    problems: 'Problem',
  },
  filterLabel: 'Filtrera fynden',
  filterPlaceholder: 'Sök på namn, blad eller cell',
  noFindings: 'Inga fynd här.',
  findingsShown: (shown, total) => `Visar de ${shown} första av ${total}, de allvarligaste först.`,
  showMore: (n) => `Visa ${n} till`,
  noFindingsAtAll: 'Inga fynd: allt som kunde kontrolleras stämmer.',
  severity: { critical: 'Fel', warning: 'Varning', info: 'Information' },
  goToCell: (ref) => `Gå till ${ref}`,
  selectedCell: (ref) => `Markerade ${ref}.`,
  cellNotSelectable: (ref) => `Öppna arbetsboken i Excel och gå till ${ref}.`,
  noCell: 'ingen cell',
  status: {
    met: 'uppfyllt',
    'not-met': 'ej uppfyllt',
    unclear: 'oklart',
    'no-outcome': 'utfall saknas',
    'no-target': 'mål saknas',
  },
  checkTitle: (label) => `${label}: siffran stämmer inte`,
  checkDetail: (r, c, d) => `Angivet ${r}, beräknat ${c}, skillnad ${d}.`,
  checkSeverity: { mismatch: 'fel', rounding: 'avrundning' },
  varianceTitle: (label, actual) => `${label} (${actual})`,
  varianceDetail: (v, pct, baseline) =>
    `Avvikelse ${v}${pct === null ? '' : ` (${pct} %)`} mot ${baseline}.`,
  indicatorDetail: (target, outcome) => `Mål ${target ?? 'saknas'}, utfall ${outcome ?? 'saknas'}.`,
  riskTitle: (risk) => risk,
  problemDetail: (code) => `Kod: ${code}`,
  riskDetail: (p, c, v, inPlan) =>
    `Sannolikhet ${p} × konsekvens ${c} = ${v}${inPlan ? ', med i internkontrollplanen' : ''}.`,
  indicatorNoTarget: 'mål saknas',
  summaryFoljetal: 'Följetal (utan mål, räknas för sig)',
  summaryResultsTitle: 'Resultat mot budget',
  summaryLargestTitle: 'Största underskotten',
  summaryGoalsTitle: 'Mål och indikatorer',
  summaryArithmeticTitle: 'Räkningen',
  summaryResult: (actual, amount, pct, v) =>
    `${actual}: ${amount}${pct === null ? '' : ` (${pct} %)`} mot budget` +
    (v < 0 ? ', underskott' : v > 0 ? ', överskott' : ''),
  summaryNoTotal: 'ingen totalrad med båda beloppen; se raderna nedan.',
  summaryNoBudgetTables: 'Ingen budgettabell med avvikelser hittades.',
  summaryLargest: (part, pct) =>
    ({
      'operating-lines': 'I driften, rader',
      'operating-totals': 'I driften, summor',
      'investment-lines': 'I investeringarna, rader',
      'investment-totals': 'I investeringarna, summor',
    })[part] + ` (över ${pct} % av budget)`,
  summaryNoUnfavourable: (pct) => `Inga underskott över ${pct} % av budget.`,
  summaryVarianceLine: (label, actual, amount, pct) =>
    `${label} (${actual}): ${amount}${pct === null ? '' : ` (${pct} %)`}`,
  amountWithUnit: (amount, unit) =>
    unit === null ? `${amount} (okänd enhet)` : `${amount} ${unit}`,
  summaryMore: (n) => `… och ${n} till (se Fynd nedan)`,
  documentTablesTitle: 'Tabeller till dokumentet',
  documentTablesHint:
    'Kopiera en tabell och klistra in den i Word eller Excel; den förblir en tabell.',
  copyTable: 'Kopiera',
  copyTableLabel: (title) => `Kopiera tabellen ${title}`,
  copiedTable: (title) => `Kopierade ${title}. Klistra in i Word eller Excel.`,
  copyNotAllowed:
    'Urklipp är inte tillåtet här (webbläsaren eller Office nekar). Ladda ner Word-filen i stället.',
  downloadDocx: 'Ladda ner Word',
  downloadedDocx: (name) => `Laddade ner ${name}.`,
  noDocumentTables: 'Inga tabeller att lägga i dokumentet.',
  goalsTitle: 'Mål',
  noGoals: 'Inga mål hittades i arbetsboken.',
  verdict: {
    helt: 'helt uppfyllt',
    'i-hog-grad': 'i hög grad uppfyllt',
    delvis: 'delvis uppfyllt',
    ej: 'ej uppfyllt',
    'ej-bedomd': 'ej bedömd',
  },
  goalCount: (met, of) => `${met} av ${of} uppfyllda`,
  goalReported: (verdict) => `I dokumentet: ${verdict}`,
  showIndicators: (goal, count) =>
    `Visa ${count} ${count === 1 ? 'indikator' : 'indikatorer'} under ${goal}`,
  goalsTreeLabel: (rule) => `Mål och deras bedömning (regel: ${rule})`,
  looseIndicators: 'Indikatorer utan mål',
  foljetalTitle: 'Följetal',
  foljetalNote: 'Följs utan mål och bedöms inte.',
  goalRule: 'Regel för målens bedömning',
  goalRuleHint:
    'Andel: andelen uppfyllda indikatorer. Svagaste: den svagaste indikatorn avgör. Nivå: utfallet i procent av målvärdet, i snitt.',
  goalRules: { share: 'Andel', worst: 'Svagaste', bands: 'Nivå' },
  goalScale: 'Skala',
  goalScales: { 4: '4 steg (helt, i hög grad, delvis, ej)', 3: '3 steg (helt, delvis, ej)' },
  goalUpper: 'I hög grad uppfyllt från (%)',
  goalLower: 'Delvis uppfyllt från (%)',
  goalSharesHint: 'Andel uppfyllda indikatorer; gäller regeln Andel med 4 steg.',
  actionsTitle: 'Rapport',
  writeReportExcel: 'Skriv rapportblad',
  writeReportFile: 'Ladda ner rapport (.xlsx)',
  downloadJson: 'Ladda ner JSON',
  writeDone: (names) => `Klart: ${names.join(', ')}.`,
  writeReplaced: (names) => `Ersatte ${names.join(', ')}.`,
  writeCancelled: 'Inget skrevs: de tidigare rapportbladen finns kvar.',
  confirmTitle: 'Ersätta tidigare rapportblad?',
  confirmBody: (names) =>
    `Nämndplan har skrivit de här bladen förut: ${names.join(', ')}. De ersätts med nya. Dina egna blad rörs inte.`,
  confirmReplace: 'Ersätt',
  confirmCancel: 'Avbryt',
  settingsTitle: 'Inställningar',
  riskThreshold: 'Risktröskel',
  riskThresholdHint: 'Risker med riskvärde på minst detta tas med i internkontrollplanen (1–25).',
  varianceThreshold: 'Markera avvikelser över (%)',
  varianceThresholdHint: 'Ogynnsamma avvikelser större än så här många procent av budget markeras.',
  settingsInWorkbook:
    'Inställningarna sparas i arbetsboken och följer med den till alla som öppnar den.',
  settingsInBrowser: 'Inställningarna sparas i den här webbläsaren.',
  settingsNotSavedTitle: 'Inställningen sparades inte',
  settingsNotSavedWorkbook: (detail) =>
    `Den gäller nu, men kunde inte sparas i arbetsboken: ${detail}`,
  settingsNotReadWorkbook: (detail) =>
    `Arbetsbokens sparade inställningar kunde inte läsas, så standardvärdena gäller: ${detail}`,
  settingsNotSavedLocal:
    'Den gäller nu, men webbläsaren tillåter inte att den sparas (till exempel i ett privat fönster).',
  languageNotStored:
    'Språkvalet gäller nu, men kunde inte sparas: webbläsaren tillåter inte lagring.',
  errorTitle: 'Det gick inte',
  errorCellEditMode:
    'Excel är upptaget eftersom en cell redigeras. Avsluta redigeringen (Enter eller Esc) och försök igen.',
  errorBusy: 'Excel är upptaget just nu. Vänta en stund och försök igen.',
  errorGeneric: (detail) => `Något gick fel: ${detail}`,
  unreadableWorkbook: null,
  retry: 'Försök igen',
  dropZoneLabel: 'Välj eller släpp en arbetsbok',
  dropZoneText: 'Släpp en .xlsx-fil här, eller',
  chooseFile: 'Välj arbetsbok…',
  chosenFile: (name) => `Arbetsbok: ${name}`,
  notXlsx: (name) => `${name} är ingen .xlsx-fil.`,
  changeWorkbook: 'Byt arbetsbok',
  analysisDone: (n, c, w) =>
    `Analysen klar: ${n} fynd, ${c} fel, ${w} ${w === 1 ? 'varning' : 'varningar'}.`,
  deficitWords: 'underskott ogynnsam',
  viewsLabel: 'Resultatets delar',
  views: { overview: 'Översikt', goals: 'Mål', tables: 'Tabeller' },
  moreFigures: 'Mål, indikatorer och räkningen',
};

const en: Messages = {
  templates: TEMPLATE_TEXTS.en,
  locale: 'en',
  appTitle: 'Nämndplan',
  starting: 'Starting Nämndplan …',
  subtitleExcel: "Checks the committee's plan in the workbook.",
  subtitleFile:
    'Standalone mode: choose an Excel workbook (.xlsx). The file never leaves your computer.',
  switchLanguage: 'På svenska',
  switchLanguageLabel: 'På svenska: byt till svenska',
  analyze: 'Analyse workbook',
  analyzeAgain: 'Analyse again',
  phase: {
    reading: 'Reading the workbook…',
    analysing: 'Analysing…',
    writing: 'Writing the report…',
  },
  readingSheet: (sheet, i, n, rows) =>
    `Reading ${sheet} (sheet ${i}${n === null ? '' : ` of ${n}`}): ` +
    `${formatNumber(rows, 'en')} ${rows === 1 ? 'row' : 'rows'}…`,
  progressLabel: 'Progress',
  cancel: 'Cancel',
  cancelled: 'Cancelled. No new result; analyse again whenever you like.',
  writeStopped: 'Cancelled: no report was downloaded.',
  summaryTitle: 'Summary',
  summaryUnfavourable: (pct) => `Unfavourable variances beyond ${pct} %`,
  summaryIndicators: 'Indicators',
  indicatorMet: 'met',
  indicatorNotMet: 'not met',
  indicatorUnclear: 'unclear',
  indicatorNoOutcome: 'no outcome',
  summaryRisksInPlan: (t) => `Risks in the internal control plan (value ≥ ${t})`,
  summaryMismatches: 'Figures that do not add up',
  summaryTables: (n) => (n === 1 ? '1 table found' : `${n} tables found`),
  summaryCoverage: (r, t, n) =>
    `${r} figures recomputed in ${t} ${t === 1 ? 'table' : 'tables'}` +
    (n === 0 ? '' : `; ${n} ${n === 1 ? 'total' : 'totals'} could not be checked`),
  findingsTitle: 'Findings',
  groupAll: 'All',
  groups: {
    checks: 'Checks',
    variances: 'Variances',
    indicators: 'Indicators',
    risks: 'Risks',
    problems: 'Problems',
  },
  filterLabel: 'Filter findings',
  filterPlaceholder: 'Search name, sheet or cell',
  noFindings: 'No findings here.',
  noFindingsAtAll: 'No findings: everything that could be checked adds up.',
  findingsShown: (shown, total) => `Showing the first ${shown} of ${total}, worst first.`,
  showMore: (n) => `Show ${n} more`,
  severity: { critical: 'Error', warning: 'Warning', info: 'Information' },
  goToCell: (ref) => `Go to ${ref}`,
  selectedCell: (ref) => `Selected ${ref}.`,
  cellNotSelectable: (ref) => `Open the workbook in Excel and go to ${ref}.`,
  noCell: 'no cell',
  status: {
    met: 'met',
    'not-met': 'not met',
    unclear: 'unclear',
    'no-outcome': 'no outcome',
    'no-target': 'no target',
  },
  checkTitle: (label) => `${label}: figure does not add up`,
  checkDetail: (r, c, d) => `Reported ${r}, computed ${c}, difference ${d}.`,
  checkSeverity: { mismatch: 'error', rounding: 'rounding' },
  varianceTitle: (label, actual) => `${label} (${actual})`,
  varianceDetail: (v, pct, baseline) =>
    `Variance ${v}${pct === null ? '' : ` (${pct} %)`} against ${baseline}.`,
  indicatorDetail: (target, outcome) => `Target ${target ?? 'none'}, outcome ${outcome ?? 'none'}.`,
  riskTitle: (risk) => risk,
  problemDetail: (code) => `Code: ${code}`,
  riskDetail: (p, c, v, inPlan) =>
    `Probability ${p} × consequence ${c} = ${v}${inPlan ? ', in the internal control plan' : ''}.`,
  indicatorNoTarget: 'no target',
  summaryFoljetal: 'Tracked figures (följetal, no target, counted apart)',
  summaryResultsTitle: 'Result against budget',
  summaryLargestTitle: 'Largest deficits',
  summaryGoalsTitle: 'Goals and indicators',
  summaryArithmeticTitle: 'Arithmetic',
  summaryResult: (actual, amount, pct, v) =>
    `${actual}: ${amount}${pct === null ? '' : ` (${pct} %)`} against budget` +
    (v < 0 ? ', deficit' : v > 0 ? ', surplus' : ''),
  summaryNoTotal: 'no total row with both amounts; see the rows below.',
  summaryNoBudgetTables: 'No budget table with variances was found.',
  summaryLargest: (part, pct) =>
    ({
      'operating-lines': 'Operating, rows',
      'operating-totals': 'Operating, totals',
      'investment-lines': 'Investments, rows',
      'investment-totals': 'Investments, totals',
    })[part] + ` (beyond ${pct} % of budget)`,
  summaryNoUnfavourable: (pct) => `No deficits beyond ${pct} % of budget.`,
  summaryVarianceLine: (label, actual, amount, pct) =>
    `${label} (${actual}): ${amount}${pct === null ? '' : ` (${pct} %)`}`,
  amountWithUnit: (amount, unit) =>
    unit === null ? `${amount} (unit unknown)` : `${amount} ${unit}`,
  summaryMore: (n) => `… and ${n} more (see Findings below)`,
  documentTablesTitle: 'Tables for the document',
  documentTablesHint: 'Copy a table and paste it into Word or Excel; it stays a table.',
  copyTable: 'Copy',
  copyTableLabel: (title) => `Copy the table ${title}`,
  copiedTable: (title) => `Copied ${title}. Paste it into Word or Excel.`,
  copyNotAllowed:
    'The clipboard is not allowed here (the browser or Office refuses). Download the Word file instead.',
  downloadDocx: 'Download Word',
  downloadedDocx: (name) => `Downloaded ${name}.`,
  noDocumentTables: 'No tables for the document.',
  goalsTitle: 'Goals',
  noGoals: 'No goals found in the workbook.',
  verdict: {
    helt: 'fully met',
    'i-hog-grad': 'largely met',
    delvis: 'partly met',
    ej: 'not met',
    'ej-bedomd': 'not assessed',
  },
  goalCount: (met, of) => `${met} of ${of} met`,
  goalReported: (verdict) => `The document says: ${verdict}`,
  showIndicators: (goal, count) =>
    `Show ${count} ${count === 1 ? 'indicator' : 'indicators'} under ${goal}`,
  goalsTreeLabel: (rule) => `Goals and their verdicts (rule: ${rule})`,
  looseIndicators: 'Indicators without a goal',
  foljetalTitle: 'Tracked figures (följetal)',
  foljetalNote: 'Followed without a target and not judged.',
  goalRule: 'Rule for judging goals',
  goalRuleHint:
    'Share: the share of indicators met. Weakest: the weakest indicator decides. Level: the outcome as a percentage of target, averaged.',
  goalRules: { share: 'Share', worst: 'Weakest', bands: 'Level' },
  goalScale: 'Scale',
  goalScales: { 4: '4 steps (fully, largely, partly, not)', 3: '3 steps (fully, partly, not)' },
  goalUpper: 'Largely met from (%)',
  goalLower: 'Partly met from (%)',
  goalSharesHint: 'Share of indicators met; applies to the Share rule on 4 steps.',
  actionsTitle: 'Report',
  writeReportExcel: 'Write report sheets',
  writeReportFile: 'Download report (.xlsx)',
  downloadJson: 'Download JSON',
  writeDone: (names) => `Done: ${names.join(', ')}.`,
  writeReplaced: (names) => `Replaced ${names.join(', ')}.`,
  writeCancelled: 'Nothing was written: the earlier report sheets are still there.',
  confirmTitle: 'Replace earlier report sheets?',
  confirmBody: (names) =>
    `Nämndplan wrote these sheets before: ${names.join(', ')}. They will be replaced. Your own sheets are not touched.`,
  confirmReplace: 'Replace',
  confirmCancel: 'Cancel',
  settingsTitle: 'Settings',
  riskThreshold: 'Risk threshold',
  riskThresholdHint: 'Risks with at least this value go into the internal control plan (1–25).',
  varianceThreshold: 'Highlight variances beyond (%)',
  varianceThresholdHint:
    'Unfavourable variances larger than this share of the budget are highlighted.',
  settingsInWorkbook:
    'Settings are kept in the workbook and travel with it to everyone who opens it.',
  settingsInBrowser: 'Settings are kept in this browser.',
  settingsNotSavedTitle: 'The setting was not saved',
  settingsNotSavedWorkbook: (detail) =>
    `It applies now, but could not be saved in the workbook: ${detail}`,
  settingsNotReadWorkbook: (detail) =>
    `The workbook's saved settings could not be read, so the defaults apply: ${detail}`,
  settingsNotSavedLocal:
    'It applies now, but the browser does not allow saving it (a private window, for example).',
  languageNotStored:
    'The language applies now, but could not be saved: the browser refuses storage.',
  errorTitle: 'That did not work',
  errorCellEditMode:
    'Excel is busy because a cell is being edited. Finish editing (Enter or Esc) and try again.',
  errorBusy: 'Excel is busy right now. Wait a moment and try again.',
  errorGeneric: (detail) => `Something went wrong: ${detail}`,
  unreadableWorkbook: (file, reason) =>
    `${file}: ${
      {
        'not-a-workbook': 'is not an Excel workbook (.xlsx)',
        'old-xls': 'is an older .xls file; save it as .xlsx in Excel and try again',
        encrypted: 'is password protected; remove the protection in Excel and try again',
        'empty-file': 'is empty (0 bytes)',
        'not-found': 'does not exist',
        'no-access': 'cannot be read (no permission)',
        corrupt: 'is damaged and cannot be read',
        'too-large': 'is too large to be read',
      }[reason] ?? 'cannot be read'
    }.`,
  retry: 'Try again',
  dropZoneLabel: 'Choose or drop a workbook',
  dropZoneText: 'Drop an .xlsx file here, or',
  chooseFile: 'Choose workbook…',
  chosenFile: (name) => `Workbook: ${name}`,
  notXlsx: (name) => `${name} is not an .xlsx file.`,
  changeWorkbook: 'Change workbook',
  analysisDone: (n, c, w) =>
    `Analysis done: ${n} ${n === 1 ? 'finding' : 'findings'}, ${c} ${c === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}.`,
  deficitWords: 'deficit unfavourable',
  viewsLabel: 'Parts of the result',
  views: { overview: 'Overview', goals: 'Goals', tables: 'Tables' },
  moreFigures: 'Goals, indicators and arithmetic',
};

/** The messages of each language. */
export const MESSAGES: Record<Locale, Messages> = { sv, en };

/**
 * Formats a number the way the language writes it: `-7000` → `-7 000` (sv, with a no-break
 * space) or `-7,000` (en). Uses a plain hyphen-minus, which screen readers say as "minus".
 */
export function formatNumber(
  value: number,
  locale: Locale,
  maxDecimals = 2,
  minDecimals = 0,
): string {
  return numberFormat(locale, maxDecimals, minDecimals)
    .format(value)
    .replace(/\u2212/g, '-');
}

// Making an Intl.NumberFormat costs a hundred times what formatting with one does; 50 000
// findings format 150 000 numbers, so each kind is made once.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, maxDecimals: number, minDecimals: number): Intl.NumberFormat {
  const key = `${locale} ${maxDecimals} ${minDecimals}`;
  let format = NUMBER_FORMATS.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
      maximumFractionDigits: maxDecimals,
      minimumFractionDigits: minDecimals,
    });
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

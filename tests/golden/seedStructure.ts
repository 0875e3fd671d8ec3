/**
 * The declared arithmetic of every budget, investment and result table of the five seed fixtures
 * (tests/fixtures/*.xlsx), as a reader of the seed documents (/work/shared/seeds/) sees it: which
 * rows each total adds up, which columns a printed variance, difference or relation is computed
 * from. Taken from the documents, never from the engine's output. Totals that really do not add up
 * (tests/fixtures/README.md, "Errors in the seeds") are declared all the same, and listed in
 * `errors`.
 *
 * Used by tests/golden/planted.test.ts and scripts/bench.ts (planted errors).
 */
import type { ExpectedError, ExpectedTable, RowRef } from '../fixtures/wild/types';
import type { DeclaredStructure } from './planted';

/** A seed fixture and what its budget, investment and result tables add up to. */
export interface SeedStructure extends DeclaredStructure {
  /** `tests/fixtures/<file>`. */
  readonly file: string;
  readonly tables: readonly ExpectedTable[];
  /** The seed's own errors (a declared figure that does not follow from the others). */
  readonly errors: readonly ExpectedError[];
}

const at =
  (sheet: string) =>
  (row: string, nth = 0): RowRef => ({ sheet, row, nth });

// 000 Ale, Nämndplan med budget 2024, §4.1 and §4.2 (sheet Ekonomi).
const ale2024 = at('Ekonomi');
const ALE_2024: SeedStructure = {
  file: 'ale-2024.xlsx',
  tables: [
    { sheet: 'Ekonomi', topLeft: 'A5', kind: 'budget', unit: 'tkr' },
    // Investeringsplan 2024-2027: plan years only, no total: nothing to plant.
    { sheet: 'Ekonomi', topLeft: 'A19', kind: 'investments', unit: 'tkr' },
  ],
  sums: [
    {
      ...ale2024('Totalt'),
      parts: [
        'Centralt socialtjänstförvaltningen',
        'Individ- och familjeomsorg',
        'Funktionsstöd',
        'Myndighet och specialiststöd',
        'Äldreomsorg',
      ],
      cols: ['B', 'C', 'D'], // Prognos 2023, Budget 2023, Budget 2024
    },
  ],
  varianceColumns: [],
  errors: [],
};

// 001 Ale, Verksamhetsplan med budget 2018-2021, §7.1 and §7.2 (sheet Ekonomi).
const ale2018 = at('Ekonomi');
const ALE_2018_AREAS = [
  'Nämnd och administration',
  'Äldreomsorg inkl hemtjänst',
  'Särskilda boenden och hemsjukvård',
  'Funktionshinder',
  'Individ- och familjeomsorg',
];
const ALE_2018: SeedStructure = {
  file: 'ale-2018.xlsx',
  tables: [
    { sheet: 'Ekonomi', topLeft: 'A4', kind: 'budget', unit: 'tkr' },
    { sheet: 'Ekonomi', topLeft: 'A17', kind: 'investments', unit: 'tkr' },
  ],
  sums: [
    // 7.1: B is Prognos 2017 (the forecast deviation per area: −27 600 in all), C Budget 2017,
    // D Budget kostnader, E Budget intäkter, F Total budget 2018.
    { ...ale2018('Totalt'), parts: ALE_2018_AREAS, cols: ['B', 'C', 'D', 'E', 'F'] },
    // 7.2: the Totalt row prints only the Budget 2018 total.
    {
      ...ale2018('Totalt', 1),
      parts: [
        'Nytt äldreboende Älvängen',
        'Nya boenden funktionshinder, inventarier',
        'e-hälsa',
        'Årsanslag OAN',
      ],
      cols: ['D'],
    },
  ],
  varianceColumns: [],
  relations: [
    {
      // Total budget = Budget kostnader − Budget intäkter (costs positive).
      sheet: 'Ekonomi',
      printed: 'F',
      terms: [
        { col: 'D', sign: 1 },
        { col: 'E', sign: -1 },
      ],
      rows: [...ALE_2018_AREAS, 'Totalt'],
    },
  ],
  errors: [],
};

// 002 Mellerud, Bokslut 2023, §1.4 Driftredovisning and §1.6 Investeringsredovisning.
const drift = at('Driftredovisning');
const inv = at('Investeringar');
const MELLERUD_PROJECTS = [
  'Grundutrustning/Sängar VoO',
  'SN div inventarier',
  'Inventarier hemsjukvården (bergs)',
  'Inventarier administration och stab (Mellbos lokaler)',
  'Inventarier Skållerudshemmet',
  'SN Elcyklar',
];
const MELLERUD_2023: SeedStructure = {
  file: 'mellerud-2023.xlsx',
  tables: [
    { sheet: 'Driftredovisning', topLeft: 'B7', kind: 'budget', unit: 'tkr' },
    { sheet: 'Investeringar', topLeft: 'A3', kind: 'investments', unit: 'tkr' },
  ],
  sums: [
    // C Bokslut 2022, D Bokslut 2023, E Budget 2023, F Avvikelse 2023 (its sums hold within the
    // seed's 1 tkr roundings: −17 101 under −17 100, −7 786 under −7 787).
    {
      ...drift('Sa kostnader'),
      parts: ['Personalkostnader', 'Löpande kostnader'],
      cols: ['C', 'D', 'E', 'F'],
    },
    { ...drift('Resultat'), parts: ['Intäkter', 'Sa kostnader'], cols: ['C', 'D', 'E', 'F'] },
    // B Budget, C Förslag till omdisponering, D Budget 2023, E Utfall, F Avvikelse.
    { ...inv('Summa'), parts: MELLERUD_PROJECTS, cols: ['B', 'C', 'D', 'E', 'F'] },
  ],
  varianceColumns: [
    {
      sheet: 'Driftredovisning',
      printed: 'F',
      actual: 'D',
      baseline: 'E',
      formula: 'budget-minus-actual',
      rows: ['Intäkter', 'Personalkostnader', 'Löpande kostnader', 'Sa kostnader', 'Resultat'],
    },
    {
      sheet: 'Investeringar',
      printed: 'F',
      actual: 'E',
      baseline: 'D',
      formula: 'budget-minus-actual',
      rows: [...MELLERUD_PROJECTS, 'Summa'],
    },
  ],
  relations: [
    {
      // Budget 2023 = Budget + Förslag till omdisponering.
      sheet: 'Investeringar',
      printed: 'D',
      terms: [
        { col: 'B', sign: 1 },
        { col: 'C', sign: 1 },
      ],
      rows: [...MELLERUD_PROJECTS, 'Summa'],
    },
  ],
  errors: [],
};

// 003 Alingsås, Delårsbokslut 2023, Ekonomi: Drift and Investeringar (one sheet).
const eko = at('Ekonomi');
const ALINGSAS_DRIFT = [
  'Verksamhetens intäkter',
  'Personalkostnader',
  'Lokalhyror',
  'Köp av tjänster',
  'Övriga kostnader',
  'Verksamhetens kostnader',
  'Verksamhetens nettokostnader',
  'Kommunbidrag',
  'Finansnetto',
  'Årets resultat',
];
// Each category row stands above its projects; the `-` rows are the empty categories' projects.
const dash = (n: number): RowRef => eko('-', n);
const ALINGSAS_INV: readonly (string | RowRef)[] = [
  'Expansionsinvestering',
  dash(0),
  'Imageinvestering',
  dash(1),
  'Reinvestering',
  'Inventarier',
  'IT-utrustning',
  'Transportmedel',
  'Anpassningsinvestering',
  dash(2),
  'Totala utgifter',
];
const ALL = ['B', 'C', 'D', 'E', 'F', 'G'];
const ALINGSAS_2023: SeedStructure = {
  file: 'alingsas-2023.xlsx',
  tables: [
    { sheet: 'Ekonomi', topLeft: 'A4', kind: 'budget', unit: 'tkr' },
    { sheet: 'Ekonomi', topLeft: 'A18', kind: 'investments', unit: 'tkr' },
  ],
  // B Budget 2023, C Prognos helår 2023, D Avv. prognos/budget 2023, E Delårsbokslut 2023,
  // F Delårsbokslut 2022, G Diff. utfall 2022/2023: every column adds up.
  sums: [
    {
      ...eko('Verksamhetens kostnader'),
      parts: ['Personalkostnader', 'Lokalhyror', 'Köp av tjänster', 'Övriga kostnader'],
      cols: ALL,
    },
    {
      ...eko('Verksamhetens nettokostnader'),
      parts: ['Verksamhetens intäkter', 'Verksamhetens kostnader'],
      cols: ALL,
    },
    {
      ...eko('Årets resultat'),
      parts: ['Verksamhetens nettokostnader', 'Kommunbidrag', 'Finansnetto'],
      cols: ALL,
    },
    { ...eko('Expansionsinvestering'), parts: [dash(0)], cols: ALL },
    { ...eko('Imageinvestering'), parts: [dash(1)], cols: ALL },
    {
      ...eko('Reinvestering'),
      parts: ['Inventarier', 'IT-utrustning', 'Transportmedel'],
      cols: ALL,
    },
    { ...eko('Anpassningsinvestering'), parts: [dash(2)], cols: ALL },
    {
      ...eko('Totala utgifter'),
      parts: [
        'Expansionsinvestering',
        'Imageinvestering',
        'Reinvestering',
        'Anpassningsinvestering',
      ],
      cols: ALL,
    },
  ],
  varianceColumns: [
    {
      sheet: 'Ekonomi',
      printed: 'D',
      actual: 'C',
      baseline: 'B',
      formula: 'actual-minus-budget',
      rows: ALINGSAS_DRIFT,
    },
    {
      // All zeros (prognos = budget on every row); investments: budget − actual.
      sheet: 'Ekonomi',
      printed: 'D',
      actual: 'C',
      baseline: 'B',
      formula: 'budget-minus-actual',
      rows: ALINGSAS_INV,
    },
  ],
  differences: [
    { sheet: 'Ekonomi', printed: 'G', left: 'E', right: 'F', rows: ALINGSAS_DRIFT },
    { sheet: 'Ekonomi', printed: 'G', left: 'E', right: 'F', rows: ALINGSAS_INV },
  ],
  errors: [
    {
      ...eko('Reinvestering'),
      col: 'F',
      kind: 'sum',
      note: 'Reinvestering Delårsbokslut 2022 246 but Inventarier 46 + IT-utrustning 200 + Transportmedel 30 = 276',
    },
    {
      ...eko('Reinvestering'),
      col: 'G',
      kind: 'sum',
      note: 'Reinvestering Diff. utfall 126 but its parts give 167 − 41 − 30 = 96',
    },
  ],
};

// 004 Mark, Nämndplan 2024-2025, §5.1 Driftbudget and §5.2 Investeringsbudget (sheet Ekonomi).
const mark = at('Ekonomi');
const MARK_2024: SeedStructure = {
  file: 'mark-2024.xlsx',
  tables: [
    { sheet: 'Ekonomi', topLeft: 'A4', kind: 'budget', unit: 'mnkr' },
    { sheet: 'Ekonomi', topLeft: 'A19', kind: 'investments', unit: 'mnkr' },
  ],
  sums: [
    // B Budget 2023, C Prognos 2023, D Budget 2024, E Budget 2025; two blocks, each its total.
    {
      ...mark('Nettokostnader'),
      parts: ['Intäkter', 'Personalkostnader', 'Övriga kostnader'],
      cols: ['B', 'C', 'D', 'E'],
    },
    {
      ...mark('Nettokostnader', 1),
      parts: ['Funktionsstöd', 'Individ-och familjeomsorg', 'Ledning, adm, nämnd'],
      cols: ['B', 'C', 'D', 'E'],
    },
    // B Ombudgetering från 2022 (empty), C Budget enligt beslut 2023, D Total budget 2023,
    // E Investeringsplan 2024.
    { ...mark('Totala investeringar'), parts: ['Investeringsram'], cols: ['C', 'D', 'E'] },
  ],
  varianceColumns: [],
  relations: [
    {
      // Total budget 2023 = Ombudgetering från 2022 + Budget enligt beslut 2023.
      sheet: 'Ekonomi',
      printed: 'D',
      terms: [
        { col: 'B', sign: 1 },
        { col: 'C', sign: 1 },
      ],
      rows: ['Investeringsram', 'Totala investeringar'],
    },
  ],
  errors: [],
};

/** The five seed fixtures, in the order of tests/fixtures/README.md. */
export const SEED_STRUCTURES: readonly SeedStructure[] = [
  ALE_2024,
  ALE_2018,
  MELLERUD_2023,
  ALINGSAS_2023,
  MARK_2024,
];

import { analyzeWorkbook } from '../domain/analyze';
import type { Report } from '../domain/report';
import { passesVarianceThreshold as isHighlighted } from '../domain/varianceThreshold';
import { buildFindings, cellRef, filterFindings, summarize } from './findings';
import { MESSAGES } from './messages';

/** Ale 4.1 (seed 000) variances and Mark's vräkningar indicator (seed 004), as the engine reports them. */
const REPORT: Report = {
  schemaVersion: 1,
  template: null,
  workbook: 'plan.xlsx',
  tables: [],
  variances: [
    {
      sheet: 'Ekonomi',
      row: 12,
      cell: 'B12',
      label: 'Totalt',
      baseline: 'Budget 2023',
      actual: 'Prognos 2023',
      baselineValue: -683434,
      actualValue: -690434,
      variance: -7000,
      variancePercent: -1.02,
      unit: 'tkr',
      reported: null,
      check: null,
      kind: 'budget',
      comment: null,
    },
    {
      sheet: 'Ekonomi',
      row: 9,
      cell: 'B9',
      label: 'Funktionsstöd',
      baseline: 'Budget 2023',
      actual: 'Prognos 2023',
      baselineValue: -209491,
      actualValue: -217231,
      variance: -7740,
      variancePercent: -3.69,
      unit: 'tkr',
      reported: null,
      check: null,
      kind: 'budget',
      comment: null,
    },
    {
      sheet: 'Ekonomi',
      row: 11,
      cell: 'B11',
      label: 'Äldreomsorg',
      baseline: 'Budget 2023',
      actual: 'Prognos 2023',
      baselineValue: -233969,
      actualValue: -230969,
      variance: 3000,
      variancePercent: 1.28,
      unit: 'tkr',
      reported: null,
      check: null,
      kind: 'budget',
      comment: null,
    },
  ],
  goals: [],
  indicators: [
    {
      sheet: 'Mål',
      row: 11,
      cell: 'A11',
      name: 'Antal berörda barn vid vräkningar',
      target: '=0',
      targetPeriod: 'Mål 2023',
      outcome: 3,
      outcomePeriod: 'Prognos 2023',
      direction: 'equal',
      status: 'not-met',
      reason: 'Utfallet 3 uppfyller inte målet =0.',
      goal: null,
      directionSource: null,
      outcomeWomen: null,
      outcomeMen: null,
    },
    {
      sheet: 'Mål',
      row: 12,
      cell: 'A12',
      name: 'Nöjdhet',
      target: '≥80',
      targetPeriod: 'Mål 2023',
      outcome: 85,
      outcomePeriod: 'Prognos 2023',
      direction: 'higher',
      status: 'met',
      reason: '',
      goal: null,
      directionSource: null,
      outcomeWomen: null,
      outcomeMen: null,
    },
  ],
  risks: [],
  checks: [
    {
      sheet: 'Drift',
      row: 10,
      cell: 'D10',
      label: 'Summa',
      kind: 'sum',
      reported: 188.1,
      computed: 188.3,
      difference: -0.2,
      severity: 'mismatch',
    },
  ],
  problems: [],
};

const sv = MESSAGES.sv;

test('worst first: a mismatching sum, then warnings by size, favourable variances and met indicators left out', () => {
  const f = buildFindings(REPORT, { varianceThreshold: 1 }, sv);
  expect(f.map((x) => `${x.group}:${x.cell}:${x.severity}`)).toEqual([
    'checks:D10:critical',
    'variances:B9:warning',
    'variances:B12:warning',
    'indicators:A11:warning',
  ]);
  expect(f[2]!.detail).toBe('Avvikelse -7\u00a0000 (-1,0 %) mot Budget 2023.');
  expect(f[3]!.title).toBe('Antal berörda barn vid vräkningar: ej uppfyllt');
});

test('the highlight threshold (the CLI’s passesVarianceThreshold) decides warning or information, strictly beyond it', () => {
  expect(isHighlighted({ variance: -7000, variancePercent: -1.02 }, 1)).toBe(true);
  expect(isHighlighted({ variance: -7000, variancePercent: -1.02 }, 1.5)).toBe(false);
  expect(isHighlighted({ variance: 3000, variancePercent: 1.28 }, 0)).toBe(false);
  expect(isHighlighted({ variance: -5, variancePercent: null }, 50)).toBe(true);
  const f = buildFindings(REPORT, { varianceThreshold: 2 }, sv);
  expect(f.find((x) => x.cell === 'B12')?.severity).toBe('info');
});

test('summary counts', () => {
  expect(summarize(REPORT, { varianceThreshold: 1 })).toEqual({
    tables: 0,
    unfavourableBeyondThreshold: 2,
    indicatorsMet: 1,
    indicatorsNotMet: 1,
    indicatorsUnclear: 0,
    indicatorsNoOutcome: 0,
    indicatorsNoTarget: 0,
    foljetal: 0,
    risksInPlan: 0,
    mismatches: 1,
    recomputed: 0,
    tablesChecked: 0,
    notRecomputed: 0,
  });
});

test('filter by group and text (sheet, cell or words)', () => {
  const f = buildFindings(REPORT, { varianceThreshold: 1 }, sv);
  expect(filterFindings(f, 'variances', '').map((x) => x.cell)).toEqual(['B9', 'B12']);
  expect(filterFindings(f, 'all', 'VRÄKNING').map((x) => x.cell)).toEqual(['A11']);
  expect(filterFindings(f, 'all', 'd10').map((x) => x.cell)).toEqual(['D10']);
});

test('cell references quote sheet names as Excel does', () => {
  expect(cellRef('Mål', 'A11')).toBe('Mål!A11');
  expect(cellRef('Ekonomi 2023', 'D6')).toBe("'Ekonomi 2023'!D6");
  expect(cellRef("Nämndens 'mål'", 'A1')).toBe("'Nämndens ''mål'''!A1");
  expect(cellRef('2023', 'A1')).toBe("'2023'!A1");
  expect(cellRef(null, null)).toBeNull();
});

test('a problem is said in the chosen language: the report keeps Swedish, the pane can say English', () => {
  const analysed = analyzeWorkbook({
    name: 'ale.xlsx',
    sheets: [
      {
        name: 'Ekonomi',
        origin: { row: 1, col: 1 },
        values: [
          ['Verksamhet', 'Budget 2023', 'Prognos 2023'],
          ['Äldreomsorg', -233969, -230969],
          ['Totalt', -233969, -230969],
        ],
        formats: [],
        merges: [],
      },
    ],
  });
  const unit = (m: typeof MESSAGES.sv): string | undefined =>
    buildFindings(analysed, { varianceThreshold: 1 }, m).find((f) => f.cell === 'B1')?.title;
  expect(analysed.problems.find((p) => p.code === 'unknown-unit')?.message).toMatch(
    /^Tabellens enhet/,
  );
  expect(unit(MESSAGES.sv)).toMatch(/^Tabellens enhet/);
  expect(unit(MESSAGES.en)).toMatch(/^The table’s unit/);
});

test('searching the summary’s word for a deficit (underskott) lists the unfavourable variances', () => {
  const f = buildFindings(REPORT, { varianceThreshold: 1 }, sv);
  // Ale 2023: Funktionsstöd −7 740 and Totalt −7 000, the two deficits, and nothing else.
  expect(filterFindings(f, 'all', 'underskott').map((x) => x.cell)).toEqual(['B9', 'B12']);
  expect(filterFindings(f, 'all', 'Underskott').map((x) => x.group)).toEqual([
    'variances',
    'variances',
  ]);
  const en = buildFindings(REPORT, { varianceThreshold: 1 }, MESSAGES.en);
  expect(filterFindings(en, 'all', 'deficit').map((x) => x.cell)).toEqual(['B9', 'B12']);
  // The reference as the item shows it.
  expect(filterFindings(f, 'all', 'ekonomi!b9').map((x) => x.title)).toEqual([
    'Funktionsstöd (Prognos 2023)',
  ]);
});

test('an indicator’s reason: the report’s Swedish in Swedish, built from its fields in English', () => {
  const detail = (m: typeof sv): string | undefined =>
    buildFindings(REPORT, { varianceThreshold: 1 }, m).find((f) => f.cell === 'A11')?.detail;
  expect(detail(sv)).toBe('Mål =0, utfall 3. Utfallet 3 uppfyller inte målet =0.');
  expect(detail(MESSAGES.en)).toBe(
    'Target =0, outcome 3. The outcome 3 (Prognos 2023) does not meet the target =0 (Mål 2023).',
  );
});

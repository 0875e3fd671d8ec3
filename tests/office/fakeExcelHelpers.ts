/** Shared bits of the Office adapter tests: fixtures from the seed documents and a typed run. */
import {
  createFakeRun,
  FakeWorkbookModel,
  type FakeWorkbookFixture,
} from '../../src/adapters/office/fake';
import type { ExcelRun } from '../../src/adapters/office/excelHost';

/** `Excel.run` over a fake model, typed as the real one (the fake is a structural stand-in). */
export function excelRun(model: FakeWorkbookModel): ExcelRun {
  return createFakeRun(model) as unknown as ExcelRun;
}

/** Mark's (seed 004) indicator table and a budget table like Ale's (seed 002), as a fixture. */
export const SEED_FIXTURE: FakeWorkbookFixture = {
  name: 'Socialnamnd.xlsx',
  sheets: [
    {
      name: 'Indikatorer',
      values: [
        ['Nämndens mål: Bästa barnkommun', null, null, null, null, null, null],
        [
          'Indikatorer',
          'Utfall 2021',
          'Utfall 2022',
          'Prognos 2023',
          'Mål 2023',
          'Mål 2024',
          'Mål 2025',
        ],
        ['Handläggningstider vid familjeenheten (dagar)', 118, 116, 108, '≤108', '≤100', '≤100'],
        ['Antal berörda barn vid vräkningar', 1, 0, 3, '=0', '=0', '=0'],
        [
          'Antal hushåll med barn som är aktuella inom ekonomiskt bistånd',
          112,
          97,
          90,
          null,
          '≥90',
          '≥85',
        ],
      ],
      formats: [
        ['General', null, null, null, null, null, null],
        ['General', 'General', 'General', 'General', 'General', 'General', 'General'],
        ['General', '0', '0', '0', '@', '@', '@'],
        ['General', '0', '0', '0', '@', '@', '@'],
        ['General', '0', '0', '0', null, '@', '@'],
      ],
      merges: ['A1:G1'],
    },
    {
      name: 'Ekonomi 2023',
      origin: { row: 3, col: 2 },
      values: [
        ['Verksamhet (mnkr)', 'Budget 2023', 'Utfall 2023', 'Avvikelse', 'Andel', 'Delår'],
        ['Hemtjänst', 120.4, 128.1, -7.7, 0.023, 45169],
        ['Köpt vård', 60, '#N/A', '#DIV/0!', null, 45169],
        ['Summa', 180.4, 188.1, -7.7, null, null],
      ],
      formats: [
        ['General', 'General', 'General', 'General', 'General', 'General'],
        ['General', '#,##0.0', '#,##0.0', '#,##0.0', '0.0%', 'yyyy-mm-dd'],
        ['General', '#,##0.0', 'General', 'General', null, 'd/m/yyyy'],
        ['General', '#,##0.0', '#,##0.0', '#,##0.0', null, null],
      ],
      merges: [],
    },
    { name: 'Tom', values: [] },
  ],
};

/** A fixture of `sheets` sheets with `rows` rows × 4 columns each. */
export function gridFixture(sheets: number, rows: number, cols = 4): FakeWorkbookFixture {
  return {
    name: 'Stor.xlsx',
    sheets: Array.from({ length: sheets }, (_, s) => ({
      name: `Blad ${s + 1}`,
      values: Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => (c === 0 ? `Rad ${r + 1}` : (r + 1) * 1000 + c)),
      ),
      formats: Array.from({ length: rows }, () =>
        Array.from({ length: cols }, (_, c) => (c === 0 ? 'General' : '#,##0')),
      ),
    })),
  };
}

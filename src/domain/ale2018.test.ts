import { analyzeWorkbook } from './analyze';
import { ale2018Ekonomi, ALE_2018_MERGES } from './testing/ale2018Ekonomi';
import { sheetOf, workbookOf } from './testing/grids';

describe('Ale 2018 (seed 001)', () => {
  const report = analyzeWorkbook(
    workbookOf(sheetOf('Ekonomi', ale2018Ekonomi(), { merges: ALE_2018_MERGES })),
  );

  test('Prognos 2017 holds forecast deviations: reported as deviations, said at its header', () => {
    const deviations = report.variances.filter((v) => v.row <= 9);
    expect(deviations.every((v) => v.kind === 'forecast-deviation' && v.actualValue === null)).toBe(
      true,
    );
    expect(report.problems.find((p) => p.code === 'forecast-deviation-column')?.cell).toBe('B3');
  });

  test('Total budget = kostnader − intäkter, and the totals add up', () => {
    expect(report.checks).toEqual([]);
  });

  test('investments: variance = budget − actual', () => {
    const inv = report.variances.filter((v) => v.row > 11);
    expect(inv.map((v) => [v.label, v.variance])).toEqual([
      ['Nytt äldreboende Älvängen', -1787],
      ['Nya boenden funktionshinder, inventarier', 0],
      ['e-hälsa', 500],
      ['Årsanslag OAN', 0],
    ]);
    expect(report.tables[1]).toMatchObject({
      kind: 'investments',
      unit: 'tkr',
      signConvention: 'costs-positive',
    });
  });

  test('a relation error is found: Total budget off by 100 in one row', () => {
    const broken = analyzeWorkbook(
      workbookOf(
        sheetOf('E', [
          ['Belopp i tkr', 'Budget kostnader 2018', 'Budget intäkter 2018', 'Total budget 2018'],
          ['Nämnd och administration', 114786, 550, 114236],
          ['Äldreomsorg inkl hemtjänst', 82377, 71545, 10932],
          ['Funktionshinder', 188920, 45479, 143441],
        ]),
      ),
    );
    expect(broken.checks.map((c) => [c.cell, c.kind, c.reported, c.computed, c.severity])).toEqual([
      ['D3', 'relation', 10932, 10832, 'mismatch'],
    ]);
  });
});

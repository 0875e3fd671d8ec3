import fc from 'fast-check';
import { analyzeWorkbook } from './analyze';
import { Decimal } from './decimal';
import { formatSwedish } from './format';
import type { CellValue } from './grid';
import { sheetOf, workbookOf } from './testing/grids';
import { parseSwedishNumber } from './values';

describe('invariants', () => {
  test('a number we format in Swedish parses back to the same number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 3 }),
        (n, decimals) => {
          const value = new Decimal(n).div(new Decimal(10).pow(decimals));
          const parsed = parseSwedishNumber(formatSwedish(value));
          expect(parsed?.value.eq(value)).toBe(true);
        },
      ),
    );
  });

  test('line variances add up to the total’s variance, and a consistent table has no mismatch', () => {
    const line = fc.record({
      budget: fc.integer({ min: -500000, max: 0 }),
      delta: fc.integer({ min: -20, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 2, maxLength: 30 }),
        fc.boolean(),
        (lines, asText) => {
          const cell = (n: number): CellValue => (asText ? formatSwedish(n) : n);
          const rows: CellValue[][] = [
            ['Driftredovisning (tkr)'],
            ['Verksamhet', 'Budget 2023', 'Prognos 2023', 'Avvikelse 2023'],
          ];
          let b = 0;
          let p = 0;
          lines.forEach((l, i) => {
            // A forecast near its budget: within ±20 %.
            const prognos = l.budget + Math.trunc((l.budget * l.delta) / 100);
            b += l.budget;
            p += prognos;
            rows.push([`Område ${i + 1}`, cell(l.budget), cell(prognos), cell(prognos - l.budget)]);
          });
          rows.push(['Totalt', cell(b), cell(p), cell(p - b)]);
          const report = analyzeWorkbook(workbookOf(sheetOf('Drift', rows)));
          const total = report.variances.find((v) => v.label === 'Totalt');
          const lineSum = report.variances
            .filter((v) => v.label !== 'Totalt')
            .reduce((s, v) => s.plus(v.variance), new Decimal(0));
          expect(total).toBeDefined();
          expect(lineSum.eq(total?.variance ?? NaN)).toBe(true);
          expect(report.checks.filter((c) => c.severity === 'mismatch')).toEqual([]);
          expect(report.variances.every((v) => v.check === 'ok')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('variance sign: positive is favourable in both conventions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e5 }),
        (cost, saving) => {
          // Costs negative: a forecast cost smaller in magnitude than budget is favourable.
          const neg = analyzeWorkbook(
            workbookOf(
              sheetOf('A', [
                ['Belopp i tkr', 'Budget 2023', 'Prognos 2023'],
                ['Intäkter', 10, 10],
                ['Kostnader', -cost - saving, -cost],
              ]),
            ),
          );
          const pos = analyzeWorkbook(
            workbookOf(
              sheetOf('B', [
                ['Belopp i tkr', 'Budget 2023', 'Bokslut 2023'],
                ['Intäkter', -10, -10],
                ['Kostnader', cost + saving, cost],
              ]),
            ),
          );
          expect(neg.variances.find((v) => v.label === 'Kostnader')?.variance).toBe(saving);
          expect(pos.variances.find((v) => v.label === 'Kostnader')?.variance).toBe(saving);
        },
      ),
      { numRuns: 40 },
    );
  });
});

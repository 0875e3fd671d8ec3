import fc from 'fast-check';
import { analyzeWorkbook } from './analyze';
import { Decimal } from './decimal';
import { formatSwedish } from './format';
import type { CellValue } from './grid';
import { sheetOf, workbookOf } from './testing/grids';
import { SheetGrid } from './sheetGrid';
import { readRows } from './tableRows';
import { detectTables } from './tables';
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

describe('a table’s figure store', () => {
  // Cells as sheets hold them: whole and decimal amounts under several formats, percent cells,
  // Swedish text numbers (with notes), huge numbers past 2^53, and no-value words.
  const cellArb = fc.oneof(
    fc.record({
      v: fc.integer({ min: -1e9, max: 1e9 }),
      f: fc.constantFrom('General', '#,##0', '#,##0.0', '0%'),
    }),
    fc.record({
      v: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      f: fc.constantFrom('General', '0.0', '0.00%'),
    }),
    fc.record({ v: fc.constantFrom(1e20, -3.5e17, 0.1 + 0.2), f: fc.constant('General') }),
    fc.record({
      v: fc.constantFrom('−10 882', '82,2 (vård)', '7,03 %', '-', 'saknas', '1\u00a0234,5'),
      f: fc.constant('General'),
    }),
  );

  test('gives back every figure exactly as the grid reads it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 20,
        }),
        (cells) => {
          const header: CellValue[] = ['Verksamhet', 'Budget 2023', 'Prognos 2023', 'Avvikelse'];
          const rows: CellValue[][] = [
            header,
            ...cells.map((r, i) => [`Rad ${i + 1}`, ...r.map((c) => c.v)]),
          ];
          const formats: Record<string, string> = {};
          cells.forEach((r, i) => r.forEach((c, j) => (formats[`${'BCD'[j]}${i + 2}`] = c.f)));
          const grid = new SheetGrid(sheetOf('Drift', rows, { formats }));
          const [table] = detectTables(grid);
          if (!table) return;
          for (const row of readRows(grid, table, table.columns)) {
            for (const col of [2, 3, 4]) {
              const want = grid.number(row.row, col);
              const got = row.values.get(col);
              if (!want) {
                expect(got).toBeUndefined();
                continue;
              }
              expect(got?.exact ? { n: got.exact.n, d: got.exact.d } : null).toEqual(
                want.exact ? { n: want.exact.n, d: want.exact.d } : null,
              );
              expect([got?.approx, got?.percent, got?.decimals, got?.note]).toEqual([
                want.approx,
                want.percent,
                want.decimals,
                want.note,
              ]);
              expect(got?.value.eq(want.value)).toBe(true);
              expect(row.values.approx(col)).toBe(want.approx);
              expect(row.values.decimals(col)).toBe(want.decimals);
            }
          }
        },
      ),
    );
  });
});

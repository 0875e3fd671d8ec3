import { EXCEL_ROWS } from '../../adapters/xlsx/readBudget';
import { ProgressBudget, type ReadProgress } from './progressBudget';

test('tells each new sheet at once, then its rows no more often than the interval', () => {
  let now = 0;
  const seen: ReadProgress[] = [];
  const budget = new ProgressBudget(
    'plan.xlsx',
    1000,
    (p) => seen.push(p),
    100,
    () => now,
  );
  for (let r = 1; r <= 2048; r++) {
    now = r; // a millisecond a row
    budget.rows('Drift', r);
  }
  budget.rows('Mål', 1);
  expect(seen.map((p) => [p.sheet, p.sheetIndex, p.rows])).toEqual([
    ['Drift', 1, 1],
    ['Drift', 1, 512],
    ['Drift', 1, 1024],
    ['Drift', 1, 1536],
    ['Drift', 1, 2048],
    ['Mål', 2, 1],
  ]);
});

test('is still the reader’s budget: past Excel’s rows it is too large, in its words', () => {
  const budget = new ProgressBudget('plan.xlsx', 1000, () => undefined);
  expect(() => budget.rows('Drift', EXCEL_ROWS + 1)).toThrow(
    'plan.xlsx: är för stor för att läsas (bladet Drift har fler rader än Excels 1 048 576)',
  );
  expect(budget.inflateLimit).toBe(16 * 2 ** 20);
});

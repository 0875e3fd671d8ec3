import { analyzeWorkbook } from './analyze';
import { withUnreadableSheets } from './unreadableSheets';

const empty = analyzeWorkbook({ name: 'plan.xlsx', sheets: [] });

test('a sheet that could not be read is an error first, and "the workbook holds no values" is dropped: it may hold some', () => {
  expect(empty.problems.map((p) => p.code)).toContain('empty-workbook');
  const report = withUnreadableSheets(empty, ['Drift', 'Mål']);
  expect(report.problems.map((p) => [p.sheet, p.severity, p.code])).toEqual([
    ['Drift', 'error', 'unreadable-sheet'],
    ['Mål', 'error', 'unreadable-sheet'],
  ]);
});

test('with every sheet read the report is the engine’s, unchanged', () => {
  expect(withUnreadableSheets(empty, [])).toBe(empty);
});

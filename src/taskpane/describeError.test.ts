import { UnreadableWorkbookError } from '../errors';
import { toWire, WorkerError } from './analysis/protocol';
import { describeError } from './describeError';
import { MESSAGES } from './messages';

test('an unreadable workbook: Swedish keeps the error’s words, English says it from its reason code', () => {
  const error = new UnreadableWorkbookError('plan.xlsx', 'not-a-workbook');
  expect(describeError(error, MESSAGES.sv)).toBe('plan.xlsx: är inte en Excel-arbetsbok (.xlsx)');
  expect(describeError(error, MESSAGES.en)).toBe('plan.xlsx: is not an Excel workbook (.xlsx).');
});

test('the reason code survives the worker’s wire, so the page can say it in English', () => {
  const crossed = new WorkerError(toWire(new UnreadableWorkbookError('gammal.xls', 'old-xls')));
  expect(crossed.name).toBe('UnreadableWorkbookError');
  expect(describeError(crossed, MESSAGES.en)).toBe(
    'gammal.xls: is an older .xls file; save it as .xlsx in Excel and try again.',
  );
  expect(describeError(crossed, MESSAGES.sv)).toMatch(/^gammal\.xls: är en äldre \.xls-fil/);
});

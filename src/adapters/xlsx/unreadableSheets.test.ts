/**
 * Regression tests for issue 12 item 2: a sheet the reader cannot parse was dropped without a word
 * (exit 0, the report looking normal or saying "inga värden"). Now such a sheet is named, the
 * others are read, and a workbook whose structure cannot be read is `corrupt`.
 */
import { UnreadableWorkbookError } from '../../errors';
import {
  cutOffWorkbookXml,
  damagedDeflate,
  damagedSharedStrings,
  malformedSheet,
  sharedStringOutOfRange,
} from '../../../tests/hostile/helpers/hostileWorkbooks';
import { readWorkbook } from './readWorkbook';
import { readWorkbookStream } from './readWorkbookStream';

async function read(
  bytes: Buffer,
): Promise<{ sheets: string[]; unreadable: string[]; drift: unknown }> {
  const unreadable: string[] = [];
  const fallbacks: string[] = [];
  const book = await readWorkbookStream(bytes, 'plan.xlsx', {
    onUnreadableSheet: (sheet) => unreadable.push(sheet),
    onFallback: (reason) => fallbacks.push(reason),
  });
  expect(fallbacks).toEqual([]);
  return {
    sheets: book.sheets.map((s) => s.name),
    unreadable,
    drift: book.sheets[0]?.values[2],
  };
}

describe('a sheet the reader cannot parse is named, never dropped in silence', () => {
  it.each([
    ['malformed sheet XML', malformedSheet],
    ['a shared-string index out of range in one note cell', sharedStringOutOfRange],
    ['a damaged deflate stream in one sheet', damagedDeflate],
  ])('%s: that sheet is unreadable, the other read', async (_what, make) => {
    const { sheets, unreadable, drift } = await read(make());
    expect(sheets).toEqual(['Drift', 'Noter']);
    expect(unreadable).toEqual(['Noter']);
    expect(drift).toEqual(['Äldreomsorg', -1000, -1100, -100]);
  });

  it.each([
    ['a cut-off workbook.xml', cutOffWorkbookXml, /workbook\.xml är inte välformad XML/],
    ['a damaged shared-strings part', damagedSharedStrings, /sharedStrings\.xml/],
  ])('%s: the workbook is corrupt (exit 2)', async (_what, make, detail) => {
    const error: unknown = await readWorkbookStream(make(), 'plan.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).reason).toBe('corrupt');
    expect((error as Error).message).toMatch(detail);
  });
});

describe('readWorkbook (SheetJS, the browser door) names the sheets SheetJS drops', () => {
  it('a shared-string index out of range: SheetJS drops the sheet, the reader says so', () => {
    const unreadable: string[] = [];
    const book = readWorkbook(sharedStringOutOfRange(), 'plan.xlsx', {
      onUnreadableSheet: (sheet) => unreadable.push(sheet),
    });
    expect(book.sheets.map((s) => s.name)).toEqual(['Drift', 'Noter']);
    expect(unreadable).toEqual(['Noter']);
  });
});

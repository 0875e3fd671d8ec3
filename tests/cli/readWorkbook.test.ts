import ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { detectFileKind } from '../../src/adapters/xlsx/detectFileKind';
import { UnreadableWorkbookError } from '../../src/errors';
import { millionEmptyRowsXlsx, rawXlsx, numCell, strCell } from './helpers/rawXlsx';
import { encryptedLikeCfb, oldXls, plainZip } from './helpers/badFiles';

/** A workbook with one of every kind of cell, written by ExcelJS as Excel would. */
async function featureWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('Ekonomi');
  s.getCell('A1').value = 'Ekonomisk sammanställning (tkr)';
  s.mergeCells('A1:E1');
  s.getCell('A2').value = {
    richText: [{ text: 'Äldre', font: { bold: true } }, { text: 'omsorg' }],
  };
  s.getCell('B2').value = 0.92;
  s.getCell('B2').numFmt = '0%';
  s.getCell('C2').value = -412300;
  s.getCell('C2').numFmt = '#,##0';
  s.getCell('D2').value = '-10 882';
  s.getCell('E2').value = { formula: 'C2*2', result: -824600 };
  s.getCell('F2').value = new Date(Date.UTC(2023, 7, 31));
  s.getCell('F2').numFmt = 'yyyy-mm-dd';
  s.getCell('G2').value = { error: '#DIV/0!' };
  s.getCell('H2').value = true;
  // Formatted but empty cells far below and to the right must not widen the grid.
  s.getCell('Z500').numFmt = '0%';
  s.getCell('Z500').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  const hidden = book.addWorksheet('Dold', { state: 'hidden' });
  hidden.getCell('B3').value = 7;
  book.addWorksheet('Tom');
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('readWorkbook', () => {
  let sheets: ReturnType<typeof readWorkbook>['sheets'];
  beforeAll(async () => {
    sheets = readWorkbook(await featureWorkbook(), 'plan.xlsx').sheets;
  });

  it('reads values as plain numbers, text, booleans and ISO dates, formats beside them', () => {
    const s = sheets[0]!;
    expect(s.name).toBe('Ekonomi');
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.values[1]).toEqual([
      'Äldreomsorg',
      0.92,
      -412300,
      '-10 882',
      -824600,
      '2023-08-31',
      null, // #DIV/0!
      true,
    ]);
    expect(s.formats[1]![1]).toBe('0%');
    expect(s.formats[1]![2]).toBe('#,##0');
    expect(s.formats[1]![3]).toBe('General');
  });

  it('trims each row to its last value and keeps merges as A1 ranges', () => {
    const s = sheets[0]!;
    expect(s.values).toHaveLength(2);
    // Row 1 holds its title in A1 alone; row 2 ends at H2 (Z500 is formatted, not filled).
    expect(s.values.map((r) => r.length)).toEqual([1, 8]);
    expect(s.merges).toEqual(['A1:E1']);
  });

  it('includes hidden and empty sheets', () => {
    expect(sheets.map((s) => s.name)).toEqual(['Ekonomi', 'Dold', 'Tom']);
    expect(sheets[1]!.values).toEqual([[], [], [null, 7]]);
    expect(sheets[2]!.values).toEqual([]);
  });

  it('reads a sheet with a million formatted empty rows as its three rows of data', () => {
    const wb = readWorkbook(millionEmptyRowsXlsx(1_000_000, 1), 'stor.xlsx');
    const s = wb.sheets[0]!;
    expect(s.values).toEqual([
      ['Område', 'Budget 2023', 'Utfall 2023'],
      ['Äldreomsorg', -1000, -1100],
      ['Andel', 0.92],
    ]);
    expect(s.formats[2]![1]).toBe('0%');
  });

  it('reads dates of the 1900 and the 1904 date systems', () => {
    const row = (serial: number): string =>
      `<row r="1">${strCell('A1', 'Delår')}${numCell('B1', serial, 2)}</row>`;
    const in1900 = rawXlsx([{ name: 'A', rowsXml: row(45169) }]);
    const in1904 = rawXlsx([{ name: 'A', rowsXml: row(45169 - 1462) }], { date1904: true });
    expect(readWorkbook(in1900, 'a.xlsx').sheets[0]!.values).toEqual([['Delår', '2023-08-31']]);
    expect(readWorkbook(in1904, 'b.xlsx').sheets[0]!.values).toEqual([['Delår', '2023-08-31']]);
  });

  it.each([
    ['empty-file', new Uint8Array(0)],
    ['not-a-workbook', new TextEncoder().encode('Område;Budget\nÄldreomsorg;-1000\n')],
    ['not-a-workbook', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')],
    ['old-xls', oldXls()],
    ['encrypted', encryptedLikeCfb()],
  ])('refuses %s input', (reason, bytes) => {
    let error: unknown;
    try {
      readWorkbook(bytes, 'fel.xlsx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).reason).toBe(reason);
    expect((error as Error).message.startsWith('fel.xlsx: ')).toBe(true);
  });

  it('calls a zip that is no workbook not-a-workbook, a truncated one corrupt', async () => {
    const zipOnly = plainZip();
    expect(detectFileKind(zipOnly)).toBe('zip');
    expect(() => readWorkbook(zipOnly, 'z.xlsx')).toThrow(/inte en Excel-arbetsbok/);
    const truncated = (await featureWorkbook()).subarray(0, 2000);
    expect(() => readWorkbook(truncated, 't.xlsx')).toThrow(UnreadableWorkbookError);
  });
});

/**
 * Issue 12 item 3: a sheet's grid costs what its cells cost, not its rectangle. Both xlsx readers
 * (the byte scanner with its XML-parser fallback, and SheetJS) give the same sparse snapshot of a
 * sheet whose cells lie far apart, and refuse alike a cell past Excel's own sheet.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../domain/grid';
import { numCell, rawXlsx } from '../../../tests/cli/helpers/rawXlsx';
import { budgetRows } from '../../../tests/hostile/helpers/hostileWorkbooks';
import {
  manyMergedAreas,
  twoFarCells,
  withStrayCell,
} from '../../../tests/hostile/helpers/farCells';
import { readWorkbook } from './readWorkbook';
import { readWorkbookStream } from './readWorkbookStream';
import { EMPTY_ROW } from './snapshotBuilder';

/** The snapshot both readers give (asserted equal, holes and all), read without a fallback. */
async function readBoth(bytes: Uint8Array, slow: string[] = []): Promise<WorkbookSnapshot> {
  const fallbacks: string[] = [];
  const streamed = await readWorkbookStream(bytes, 'glest.xlsx', {
    onFallback: (r) => fallbacks.push(r),
    onSlowPath: (_part, r) => slow.push(r),
  });
  expect(fallbacks).toEqual([]);
  const sheetjs = readWorkbook(bytes, 'glest.xlsx');
  expect(streamed.sheets.length).toBe(sheetjs.sheets.length);
  streamed.sheets.forEach((sheet, i) => expectSameSheet(sheet, sheetjs.sheets[i]!));
  return streamed;
}

/**
 * `toStrictEqual` of two snapshots (holes and all), row by row where a row holds anything, each
 * entry by `Object.is`: jest's own walk over a million rows takes seconds.
 */
function expectSameSheet(a: SheetSnapshot, b: SheetSnapshot): void {
  const { values, formats, ...rest } = a;
  const { values: bValues, formats: bFormats, ...bRest } = b;
  expect(rest).toStrictEqual(bRest);
  for (const [mine, theirs] of [
    [values, bValues],
    [formats, bFormats],
  ] as const) {
    expect(mine.length).toBe(theirs.length);
    const differ: number[] = [];
    mine.forEach((row, r) => {
      const other = theirs[r]!;
      if (row.length === 0 && other.length === 0) return;
      const keys = Object.keys(row);
      const same =
        row.length === other.length &&
        keys.join() === Object.keys(other).join() &&
        keys.every((k) => Object.is(row[Number(k)], other[Number(k)]));
      if (!same) differ.push(r);
    });
    expect(differ).toEqual([]);
  }
}

/**
 * What a snapshot costs: row references, distinct row arrays, and the entries they hold (values,
 * and the nulls of a short row's empty cells) in all.
 */
function cost(sheet: SheetSnapshot): { rows: number; distinctRows: number; entries: number } {
  let entries = 0;
  for (const row of new Set(sheet.values)) entries += Object.keys(row).length;
  return { rows: sheet.values.length, distinctRows: new Set(sheet.values).size, entries };
}

describe('a sheet whose cells lie far apart, in both readers', () => {
  it('A1 and XFD1048576 are two cells in a million row references, one shared empty row', async () => {
    const sheet = (await readBoth(twoFarCells('XFD1048576'))).sheets[0]!;
    expect(cost(sheet)).toEqual({ rows: 1_048_576, distinctRows: 3, entries: 2 });
    expect(sheet.values[0]).toEqual([1]);
    expect(sheet.values[500_000]).toBe(EMPTY_ROW);
    const last = sheet.values[1_048_575]!;
    expect(last.length).toBe(16_384);
    expect(last[16_383]).toBe(2);
    expect(Object.keys(sheet.formats[1_048_575]!)).toEqual(['16383']);
  });

  it('a value in A1048576 or in XFD1 costs its own cell only', async () => {
    const down = (await readBoth(twoFarCells('A1048576'))).sheets[0]!;
    expect(cost(down)).toEqual({ rows: 1_048_576, distinctRows: 3, entries: 2 });
    const across = (await readBoth(twoFarCells('XFD1'))).sheets[0]!;
    expect(cost(across)).toEqual({ rows: 1, distinctRows: 1, entries: 2 });
    expect(across.values[0]![16_383]).toBe(2);
  });

  it('a table with a stray far cell keeps its rows as they are without it, narrow', async () => {
    const plain = rawXlsx([{ name: 'Drift', rowsXml: budgetRows() }]);
    const stray = withStrayCell(plain, 'xl/worksheets/sheet1.xml', 'XFD1048576', 7);
    const without = (await readBoth(plain)).sheets[0]!;
    const withIt = (await readBoth(stray)).sheets[0]!;
    expect(withIt.values.slice(0, 5)).toStrictEqual(without.values);
    expect(withIt.formats.slice(0, 5)).toStrictEqual(without.formats);
    expect(withIt.values[4]).toEqual(['Totalt', -1500, -1550, -50]);
  });

  it('error cells at the far corner are noted where they are', async () => {
    const rows =
      `<row r="1">${numCell('A1', 1)}</row>` +
      '<row r="1048576"><c r="XFD1048576" t="e"><v>#DIV/0!</v></c></row>';
    const sheet = (await readBoth(rawXlsx([{ name: 'Glest', rowsXml: rows }]))).sheets[0]!;
    expect(sheet.errors).toEqual([{ row: 1_048_576, col: 16_384, text: '#DIV/0!' }]);
    expect(sheet.values.length).toBe(1); // the error cell holds no value
  });

  it('the XML parser (where the scanner refuses) gives the same sparse rows', async () => {
    // A lowercase reference sends the part to the XML parser; SheetJS skips that cell.
    const rows =
      `<row r="1"><c r="a1"><v>9</v></c>${numCell('B1', 1)}</row>` +
      `<row r="1048576">${numCell('XFD1048576', 2)}</row>`;
    const slow: string[] = [];
    const sheet = (await readBoth(rawXlsx([{ name: 'Glest', rowsXml: rows }]), slow)).sheets[0]!;
    expect(slow).toEqual(['an unusual cell reference']);
    // A1 (skipped) is a null before B1's 1: three entries.
    expect(cost(sheet)).toEqual({ rows: 1_048_576, distinctRows: 3, entries: 3 });
    expect(sheet.values[0]).toEqual([null, 1]);
  });

  it('a column of figures in XFD beside labels in A stays two entries a row', async () => {
    let rows = '';
    for (let r = 1; r <= 2000; r++) {
      rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Rad ${r}</t></is></c>${numCell(`XFD${r}`, r)}</row>`;
    }
    const sheet = (await readBoth(rawXlsx([{ name: 'Glest', rowsXml: rows }]))).sheets[0]!;
    expect(cost(sheet)).toEqual({ rows: 2000, distinctRows: 2000, entries: 4000 });
  });

  it('20 000 merged areas are read as 20 000 ranges (the CLI suite reads 100 000)', async () => {
    const sheet = (await readBoth(manyMergedAreas(20_000))).sheets[0]!;
    expect(sheet.merges.length).toBe(20_001);
    expect(sheet.merges[20_000]).toBe('A40008:CV40009');
  });

  it.each([
    ['A50000000', 'A50000000, bortom Excels 1 048 576 rader'],
    ['XFD1048577', 'XFD1048577, bortom Excels 1 048 576 rader'],
    ['XFE1', 'XFE1, bortom Excels 16 384 kolumner'],
    ['AAAA1', 'AAAA1, bortom Excels 16 384 kolumner'],
    // SheetJS files this row past the array indexes, as a property: still seen, still refused.
    ['A99999999999999999999', 'bortom Excels 1 048 576 rader'],
  ])('a cell in %s is past Excel’s sheet: too-large in both readers', async (ref, says) => {
    const bytes = twoFarCells(ref);
    const message = `glest.xlsx: är för stor för att läsas (bladet Glest når cell `;
    await expect(readWorkbookStream(bytes, 'glest.xlsx')).rejects.toThrow(message);
    await expect(readWorkbookStream(bytes, 'glest.xlsx')).rejects.toThrow(says);
    expect(() => readWorkbook(bytes, 'glest.xlsx')).toThrow(message);
    expect(() => readWorkbook(bytes, 'glest.xlsx')).toThrow(says);
  });
});

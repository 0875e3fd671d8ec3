import { NotStreamableError } from '../../errors';
import { readSheetXml, type SheetXmlContext } from './readSheetXml';

const context: SheetXmlContext = {
  strings: [{ t: 'Skola' }, { t: 'Äldreomsorg' }],
  cellXfs: [{ numFmtId: 0 }, { numFmtId: 9 }, { numFmtId: 14 }],
  formatTable: { 0: 'General', 9: '0%', 14: 'm/d/yy' },
  date1904: false,
};

const sheet =
  '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c>' +
  '<x:c r="B1" t="inlineStr"><x:is><x:t>Hemtjänst − 😀 漢字 &amp; ÅÄÖ</x:t></x:is></x:c>' +
  '<x:c r="C1" s="1"><x:v>0.92</x:v></x:c><x:c r="D1" s="2"><x:v>45169</x:v></x:c></x:row>' +
  '<x:row r="3"><x:c r="B3" t="str"><x:v>&#65;−1\u00a0000</x:v></x:c></x:row></x:sheetData>' +
  '<x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>';

/** `text` as UTF-8 chunks of `size` bytes, cut anywhere (inside characters and tags too). */
async function* chunksOf(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += size) {
    await Promise.resolve();
    yield bytes.subarray(at, at + size);
  }
}

describe('readSheetXml', () => {
  it('reads cells and merges with namespace prefixes', async () => {
    expect(await readSheetXml('Blad1', () => chunksOf(sheet, 1 << 16), context)).toEqual({
      name: 'Blad1',
      origin: { row: 1, col: 1 },
      values: [
        ['Äldreomsorg', 'Hemtjänst − 😀 漢字 & ÅÄÖ', 0.92, '2023-08-31'],
        [], // an empty row is no row of nulls, and a row ends at its own last value
        [null, 'A−1\u00a0000'],
      ],
      formats: [['General', 'General', '0%', 'm/d/yy'], [], [null, 'General']],
      merges: ['A1:A2'],
    });
  });

  it.each([1, 2, 3, 5, 7, 11, 64])(
    'gives the same snapshot when the bytes come in chunks of %i',
    async (size) => {
      const whole = await readSheetXml('Blad1', () => chunksOf(sheet, 1 << 16), context);
      expect(await readSheetXml('Blad1', () => chunksOf(sheet, size), context)).toEqual(whole);
    },
  );

  it.each([
    ['a date cell', '<c r="A1" t="d"><v>2023-08-31</v></c>'],
    ['CDATA', '<c r="A1" t="str"><v><![CDATA[x]]></v></c>'],
    ['a character reference above U+007F', '<c r="A1" t="str"><v>&#8722;1</v></c>'],
    ['an escape above U+007F', '<c r="A1" t="str"><v>_x00E4_</v></c>'],
    ['a shared string index past the table', '<c r="A1" t="s"><v>9</v></c>'],
  ])('refuses %s, which only SheetJS reads as SheetJS does', async (_what, cell) => {
    const xml = `<worksheet><sheetData><row r="1">${cell}</row></sheetData></worksheet>`;
    await expect(readSheetXml('A', () => chunksOf(xml, 3), context)).rejects.toBeInstanceOf(
      NotStreamableError,
    );
  });
});

/**
 * Differential tests: the streaming reader must give exactly the snapshot SheetJS's `readWorkbook`
 * gives, on every workbook in the repository and on crafted ones, without falling back to SheetJS
 * (else the comparison would be SheetJS against itself). Each case also checks a concrete value, so
 * both readers breaking the same way still fails.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkbookSnapshot } from '../../domain/grid';
import { UnreadableWorkbookError } from '../../errors';
import { plainZip } from '../../../tests/cli/helpers/badFiles';
import { millionEmptyRowsXlsx, rawXlsx, zip } from '../../../tests/cli/helpers/rawXlsx';
import { readWorkbook } from './readWorkbook';
import { readWorkbookStream } from './readWorkbookStream';

const ROOT = join(__dirname, '..', '..', '..');

function xlsxFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? xlsxFilesUnder(join(dir, e.name))
      : e.name.endsWith('.xlsx')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Where `readBoth` collects what it would otherwise expect to be empty. */
interface Paths {
  /** Why the streaming reader handed the file to SheetJS. */
  fallbacks?: string[];
  /** Which parts the byte scanner left to the general way, and why (`part: reason`). */
  slow?: string[];
}

/**
 * Reads `bytes` with both readers and expects the same snapshot, and (unless `paths` collects
 * them) that the streaming reader neither handed the file to SheetJS nor left a part to the XML
 * parser: the comparison is then the byte scanner's against SheetJS's. Returns the snapshot.
 */
async function readBoth(bytes: Uint8Array, paths: Paths = {}): Promise<WorkbookSnapshot> {
  const reasons: string[] = [];
  const slow: string[] = [];
  const streamed = await readWorkbookStream(bytes, 'plan.xlsx', {
    onFallback: (r) => reasons.push(r),
    onSlowPath: (part, r) => slow.push(`${part}: ${r}`),
  });
  if (paths.fallbacks) for (const r of reasons) paths.fallbacks.push(r);
  else expect(reasons).toEqual([]);
  if (paths.slow) for (const s of slow) paths.slow.push(s);
  else expect(slow).toEqual([]);
  expect(streamed).toStrictEqual(readWorkbook(bytes, 'plan.xlsx'));
  return streamed;
}

async function excel(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A raw sheet part: `<sheetData>` rows plus what follows them (merges). */
const sheetXml = (rows: string, after = ''): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<sheetData>${rows}</sheetData>${after}</worksheet>`;

interface RawBook {
  sheets: { name: string; path: string; xml: string; state?: string }[];
  sharedStrings?: string[]; // raw <si> contents
  numFmts?: [number, string][];
  xfs?: number[]; // numFmtId of each cell style (index = s)
  date1904?: boolean;
}

/** A workbook written part by part, sheets in the zip in reverse order of the workbook's. */
function rawBook(book: RawBook): Buffer {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const files = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
        book.sheets
          .map((s) => `<Override PartName="/${s.path}" ContentType="${ct}.worksheet+xml"/>`)
          .join('') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        (book.date1904 ? '<workbookPr date1904="1"/>' : '') +
        '<sheets>' +
        book.sheets
          .map(
            (s, i) =>
              `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
          )
          .join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        book.sheets
          .map(
            (s, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.path.replace(/^xl\//, '')}"/>`,
          )
          .join('') +
        '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/styles.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        (book.numFmts
          ? `<numFmts count="${book.numFmts.length}">${book.numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>`
          : '') +
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border/></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        `<cellXfs count="${(book.xfs ?? [0]).length}">` +
        (book.xfs ?? [0])
          .map(
            (id) =>
              `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
          )
          .join('') +
        '</cellXfs></styleSheet>',
    },
    {
      name: 'xl/sharedStrings.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?>' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${book.sharedStrings?.length ?? 0}" uniqueCount="${book.sharedStrings?.length ?? 0}">` +
        (book.sharedStrings ?? []).map((si) => `<si>${si}</si>`).join('') +
        '</sst>',
    },
    ...book.sheets.map((s) => ({ name: s.path, data: s.xml })).reverse(),
  ];
  return zip(files);
}

const oneSheet = (rows: string, extra: Partial<RawBook> = {}, after = ''): Buffer =>
  rawBook({
    sheets: [{ name: 'Blad1', path: 'xl/worksheets/sheet1.xml', xml: sheetXml(rows, after) }],
    ...extra,
  });

describe('readWorkbookStream on the repository’s workbooks', () => {
  const files = [
    ...xlsxFilesUnder(join(ROOT, 'tests', 'fixtures')),
    ...xlsxFilesUnder(join(ROOT, 'examples')),
  ];

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s', async (_label, path) => {
    const buf = readFileSync(path);
    const snapshot = await readBoth(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
    expect(snapshot.sheets.some((s) => s.values.length > 0)).toBe(true);
  });
});

describe('readWorkbookStream on crafted workbooks', () => {
  it('keeps percentages, thousands and custom formats beside plain numbers', async () => {
    const bytes = await excel((book) => {
      const s = book.addWorksheet('Ekonomi');
      const cells: [string, number, string][] = [
        ['A1', 0.92, '0%'],
        ['B1', 0.925, '0.0%'],
        ['C1', 0.1234, '0.00%'],
        ['D1', -412300, '#,##0'],
        ['E1', 12345, '# ##0 "tkr"'],
        ['F1', -1.5, '0.0;[Red]-0.0'],
      ];
      for (const [ref, value, format] of cells) {
        s.getCell(ref).value = value;
        s.getCell(ref).numFmt = format;
      }
      s.getCell('G1').value = 7;
    });
    const s = (await readBoth(bytes)).sheets[0]!;
    expect(s.values).toEqual([[0.92, 0.925, 0.1234, -412300, 12345, -1.5, 7]]);
    expect(s.formats).toEqual([
      ['0%', '0.0%', '0.00%', '#,##0', '# ##0 "tkr"', '0.0;[Red]-0.0', 'General'],
    ]);
  });

  it('maps built-in format ids as SheetJS does', async () => {
    const ids = [1, 2, 3, 4, 9, 10, 11, 12, 14, 22, 37, 38, 39, 40, 49];
    const rows = `<row r="1">${ids.map((_id, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>0.5</v></c>`).join('')}</row>`;
    const s = (await readBoth(oneSheet(rows, { xfs: [0, ...ids] }))).sheets[0]!;
    expect(s.formats[0]!.slice(0, 6)).toEqual(['0', '0.00', '#,##0', '#,##0.00', '0%', '0.00%']);
    // 0.5 in a date format (14) is no day: the number stays (SheetJS alone would say 1900-01-00).
    expect(s.values[0]![8]).toBe(0.5);
  });

  it('reads merged two-row headers as A1 ranges', async () => {
    const bytes = await excel((book) => {
      const s = book.addWorksheet('Rubriker');
      s.getCell('A1').value = 'Verksamhet';
      s.mergeCells('A1:A2');
      s.getCell('B1').value = 'Budget';
      s.mergeCells('B1:C1');
      s.getCell('B2').value = 2023;
      s.getCell('C2').value = 2024;
      s.getCell('D1').value = 'Kommentar';
      s.mergeCells('D1:E2');
    });
    const s = (await readBoth(bytes)).sheets[0]!;
    expect(s.merges).toEqual(['B1:C1', 'D1:E2', 'A1:A2']); // in the order ExcelJS wrote them
    expect(s.values).toEqual([
      ['Verksamhet', 'Budget', null, 'Kommentar'],
      [null, 2023, 2024],
    ]);
  });

  it('flattens rich text, shared and inline, and skips phonetic runs', async () => {
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
      '<c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t>Äldre</t></r><r><t xml:space="preserve">omsorg </t></r></is></c>' +
      '<c r="D1" t="inlineStr"><is><t>Hemtjänst</t></is></c>' +
      '<c r="E1" t="inlineStr"><is><r><t>漢字</t></r><rPh sb="0" eb="2"><t>カンジ</t></rPh></is></c>' +
      '<c r="F1" t="inlineStr"><is><t></t></is></c></row>';
    const bytes = oneSheet(rows, {
      sharedStrings: [
        '<r><rPr><b/></rPr><t>Individ- och </t></r><r><t>familjeomsorg</t></r>',
        '<t>Skola</t>',
      ],
    });
    const s = (await readBoth(bytes)).sheets[0]!;
    expect(s.values).toEqual([
      ['Individ- och familjeomsorg', 'Skola', 'Äldreomsorg ', 'Hemtjänst', '漢字'], // F1 '' is empty
    ]);
    const viaExcel = await excel((book) => {
      book.addWorksheet('R').getCell('A1').value = {
        richText: [{ text: 'Gymnasie', font: { bold: true } }, { text: 'skola' }],
      };
    });
    expect((await readBoth(viaExcel)).sheets[0]!.values).toEqual([['Gymnasieskola']]);
  });

  it('reads formula cells as their cached results, shared formulas too', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c>' +
      '<c r="C1" t="str"><f>"tkr"&amp;A1</f><v>tkr2</v></c><c r="D1" t="b"><f>A1&gt;1</f><v>1</v></c>' +
      '<c r="E1" t="e"><f>A1/0</f><v>#DIV/0!</v></c><c r="F1"><f>A1*3</f></c></row>' +
      '<row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>' +
      '<row r="3"><c r="A3"><v>4</v></c><c r="B3"><f t="shared" si="0"/><v>8</v></c>' +
      '<c r="C3"><f t="array" ref="C3:C4">A3:A4*2</f><v>8</v></c></row>';
    const s = (await readBoth(oneSheet(rows))).sheets[0]!;
    expect(s.values).toEqual([
      [2, 4, 'tkr2', true], // E1 #DIV/0! and F1, a formula without a cached value, are empty
      [3, 6],
      [4, 8, 8],
    ]);
    const viaExcel = await excel((book) => {
      const w = book.addWorksheet('F');
      w.getCell('A1').value = { formula: 'B1*2', result: -824600 };
      w.getCell('B1').value = { formula: 'CONCATENATE("a","b")', result: 'ab' };
    });
    expect((await readBoth(viaExcel)).sheets[0]!.values).toEqual([[-824600, 'ab']]);
  });

  it('reads error cells as no value and booleans as booleans', async () => {
    const bytes = await excel((book) => {
      const s = book.addWorksheet('E');
      s.getCell('A1').value = { error: '#DIV/0!' };
      s.getCell('B1').value = true;
      s.getCell('C1').value = false;
      s.getCell('D1').value = { error: '#N/A' };
    });
    const s = (await readBoth(bytes)).sheets[0]!;
    expect(s.values).toEqual([[null, true, false]]);
    expect(s.formats).toEqual([[null, 'General', 'General']]);
    // …but told apart from blanks, in sheet coordinates, so the engine can say where they are.
    expect(s.errors).toEqual([
      { row: 1, col: 1, text: '#DIV/0!' },
      { row: 1, col: 4, text: '#N/A' },
    ]);
  });

  it('names an error SheetJS has no code for (#SPILL!) alike in both readers', async () => {
    const rows =
      '<row r="2"><c r="B2" t="e"><f>SEQUENCE(2)</f><v>#SPILL!</v></c><c r="C2"><v>5</v></c></row>' +
      '<row r="3"><c r="C3" t="e"><v>#REF!</v></c></row>';
    const s = (await readBoth(oneSheet(rows))).sheets[0]!;
    expect(s.values).toEqual([[], [null, null, 5]]);
    expect(s.errors).toEqual([
      { row: 2, col: 2, text: '#FEL!' },
      { row: 3, col: 3, text: '#REF!' },
    ]);
  });

  it('reads dates of the 1900 and the 1904 date systems, times near midnight too', async () => {
    const row = (serials: number[]): string =>
      `<row r="1">${serials.map((n, i) => `<c r="${String.fromCharCode(65 + i)}1" s="1"><v>${n}</v></c>`).join('')}</row>`;
    const serials = [45169, 45169.75, 45169.99999999, 45169.9999999999, 60, 61, 1];
    const in1900 = (await readBoth(oneSheet(row(serials), { xfs: [0, 14] }))).sheets[0]!;
    expect(in1900.values[0]!.slice(0, 2)).toEqual(['2023-08-31', '2023-08-31']);
    expect(in1900.values[0]![4]).toBe('1900-02-29'); // Excel's phantom leap day
    // (Serials below 1462 would be negative here, and readWorkbook fails on a negative date.)
    const in1904 = await readBoth(
      oneSheet(row(serials.slice(0, 4).map((n) => n - 1462)), { xfs: [0, 14], date1904: true }),
    );
    expect(in1904.sheets[0]!.values[0]![0]).toBe('2023-08-31');
    const viaExcel = await excel((book) => {
      book.properties.date1904 = true;
      const s = book.addWorksheet('D');
      s.getCell('A1').value = new Date(Date.UTC(2023, 7, 31));
      s.getCell('A1').numFmt = 'yyyy-mm-dd';
    });
    expect((await readBoth(viaExcel)).sheets[0]!.values).toEqual([['2023-08-31']]);
  });

  it('keeps hidden and empty sheets in workbook order, whatever the zip order', async () => {
    const bytes = rawBook({
      sheets: [
        { name: 'Tom', path: 'xl/worksheets/sheet3.xml', xml: sheetXml('') },
        {
          name: 'Dold',
          path: 'xl/worksheets/dold.xml',
          state: 'hidden',
          xml: sheetXml('<row r="3"><c r="B3"><v>7</v></c></row>'),
        },
        {
          name: 'Mycket dold',
          path: 'xl/worksheets/sheet1.xml',
          state: 'veryHidden',
          xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'),
        },
      ],
    });
    const wb = await readBoth(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Tom', 'Dold', 'Mycket dold']);
    expect(wb.sheets[0]!.values).toEqual([]);
    expect(wb.sheets[1]!.values).toEqual([[], [], [null, 7]]);
  });

  it('ignores formatted empty rows and columns past the data, and sheets of only formats', async () => {
    const bytes = await excel((book) => {
      const s = book.addWorksheet('Data');
      s.getCell('A1').value = 'Område';
      s.getCell('B2').value = 0.5;
      s.getCell('B2').numFmt = '0%';
      for (let r = 3; r < 300; r++) {
        s.getRow(r).numFmt = '0%';
        s.getCell(r, 40).numFmt = '#,##0';
        s.getCell(r, 40).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: 'FFFFFF00' },
        };
      }
      const only = book.addWorksheet('Bara format');
      only.getCell('C5').numFmt = '0%';
      only.getCell('D9').border = { top: { style: 'thin' } };
      book.addWorksheet('Tom');
    });
    const wb = await readBoth(bytes);
    expect(wb.sheets[0]!.values).toEqual([['Område'], [null, 0.5]]);
    expect(wb.sheets[1]!.values).toEqual([]);
    expect(wb.sheets[2]!.values).toEqual([]);
  });

  it('reads 50 000 formatted empty rows as the three rows of data', async () => {
    const s = (await readBoth(millionEmptyRowsXlsx(50_000, 6))).sheets[0]!;
    expect(s.values).toEqual([
      ['Område', 'Budget 2023', 'Utfall 2023'],
      ['Äldreomsorg', -1000, -1100],
      ['Andel', 0.92],
    ]);
  });

  it('keeps no-break spaces, U+2212 minus and escapes in text as SheetJS does', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>\u221212\u00a0345</t></is></c>' +
      '<c r="B1" t="str"><v>\u221210\u00a0882</v></c><c r="C1" t="str"><v>Rad 1_x000D_\nRad 2</v></c>' +
      '<c r="D1" t="str"><v>a &amp;lt; b</v></c><c r="E1" t="inlineStr"><is><t>a &amp;lt; b_x0009_</t></is></c>' +
      '<c r="F1" t="str"><v>&#65;&amp;&quot;</v></c></row>';
    const bytes = oneSheet(rows, { sharedStrings: ['<t>\u2212 1\u202f000</t>'] });
    const s = (await readBoth(bytes)).sheets[0]!;
    expect(s.values).toEqual([
      ['\u221212\u00a0345', '\u221210\u00a0882', 'Rad 1\nRad 2', 'a < b', 'a &lt; b\t', 'A&"'],
    ]);
  });

  it('reads hyperlink cells as their text', async () => {
    const bytes = await excel((book) => {
      book.addWorksheet('L').getCell('A1').value = {
        text: 'Årsredovisning',
        hyperlink: 'https://example.org/ar',
      };
    });
    expect((await readBoth(bytes)).sheets[0]!.values).toEqual([['Årsredovisning']]);
  });

  it('reads a workbook with a picture and a comment', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const bytes = await excel((book) => {
      const s = book.addWorksheet('Bild');
      s.getCell('A1').value = 'Logotyp';
      s.getCell('A1').note = 'Kommunens logotyp';
      s.addImage(
        book.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }),
        'B2:C3',
      );
    });
    expect((await readBoth(bytes)).sheets[0]!.values).toEqual([['Logotyp']]);
  });

  it('reads text whose UTF-8 characters straddle the 64 KiB chunks (ExcelJS garbles those)', async () => {
    const rows = Array.from(
      { length: 4000 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="str"><v>Äldreomsorg − område ${i}</v></c>` +
        `<c r="B${i + 1}" t="inlineStr"><is><t>ÅÄÖ−${i}</t></is></c></row>`,
    ).join('');
    const s = (await readBoth(oneSheet(rows))).sheets[0]!;
    expect(s.values[3999]).toEqual(['Äldreomsorg − område 3999', 'ÅÄÖ−3999']);
  });

  it('reads a sheet with namespace prefixes and a byte order mark', async () => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n' +
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\r\n' +
      '<x:sheetData>\r\n<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>' +
      '<x:c r="B1" t="inlineStr"><x:is><x:t>Äldre</x:t></x:is></x:c><x:c r="C1"><x:v>5</x:v></x:c>' +
      '</x:row>\r\n</x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const bytes = rawBook({
      sheets: [{ name: 'P', path: 'xl/worksheets/sheet1.xml', xml }],
      sharedStrings: ['<t>Skola</t>'],
    });
    const s = (await readBoth(bytes)).sheets[0]!;
    expect(s.values).toEqual([['Skola', 'Äldre', 5]]);
    expect(s.merges).toEqual(['A1:B1']);
  });

  it('reads the markup Excel writes around the cells', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
      'mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">' +
      '<sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:C3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B2" sqref="B2"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="30" customWidth="1"/></cols><sheetData>' +
      '<row r="1" spans="1:3" ht="30" customHeight="1" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/><c r="C1" s="1"/></row>' +
      '<row r="2" spans="1:3" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>1</v></c><c r="B2" s="2"><v>-10882</v></c><c r="C2" s="3"><f>B2/B3</f><v>0.91999999999999993</v></c></row>' +
      '<row r="3" spans="1:3" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>2</v></c><c r="B3" s="2"><v>-11828.26</v></c><c r="C3" s="3" cm="1"><f t="array" ref="C3">SUM(B2:B3)</f><v>-22710.26</v></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' +
      '<conditionalFormatting sqref="C2:C3"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0.9</formula></cfRule></conditionalFormatting>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" r:id="rId1"/>' +
      '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/></extLst></worksheet>';
    const bytes = rawBook({
      sheets: [{ name: 'Drift', path: 'xl/worksheets/sheet1.xml', xml }],
      sharedStrings: [
        '<t>Driftredovisning (tkr)</t>',
        '<t>Äldreomsorg</t>',
        '<r><rPr><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">Individ- och </t></r><r><rPr><b/><sz val="11"/></rPr><t>familjeomsorg</t></r>',
      ],
      numFmts: [[164, '#,##0;\\-#,##0']],
      xfs: [0, 0, 164, 9],
    });
    const s = (await readBoth(bytes)).sheets[0]!;
    expect(s.values).toEqual([
      ['Driftredovisning (tkr)'],
      ['Äldreomsorg', -10882, 0.91999999999999993],
      ['Individ- och familjeomsorg', -11828.26, -22710.26],
    ]);
    expect(s.formats[1]).toEqual(['General', '#,##0;\\-#,##0', '0%']);
    expect(s.merges).toEqual(['A1:C1']);
  });

  it('places cells without r after their row and the cells before them', async () => {
    const rows =
      '<row r="2"><c><v>1</v></c><c t="inlineStr"><is><t>b</t></is></c><c r="E2"><v>5</v></c><c><v>6</v></c></row>' +
      '<row><c><v>7</v></c><c r="C3" s="1"/><c><v>8</v></c></row>';
    const s = (await readBoth(oneSheet(rows, { xfs: [0, 9] }))).sheets[0]!;
    expect(s.values).toEqual([[], [1, 'b', null, null, 5, 6], [7, null, null, 8]]);
  });

  it('skips lowercase references as SheetJS does (the XML parser reads those)', async () => {
    const rows = '<row r="2"><c r="a2"><v>9</v></c><c r="B2"><v>3</v></c></row>';
    const slow: string[] = [];
    const s = (await readBoth(oneSheet(rows), { slow })).sheets[0]!;
    expect(slow).toEqual(['xl/worksheets/sheet1.xml: an unusual cell reference']);
    expect(s.values).toEqual([[], [null, 3]]);
  });
});

describe('the shared string table, read by the byte scanner as SheetJS reads it', () => {
  const cells = (n: number): string =>
    `<row r="1">${Array.from({ length: n }, (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`;

  it('reads plain strings, runs, phonetic runs, references and escapes', async () => {
    const strings = [
      '<t xml:space="preserve"> Individ- och familjeomsorg </t>',
      '<r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>Äldre</t></r><r><t xml:space="preserve">omsorg </t></r>',
      '<r><t>漢字</t></r><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1" type="noConversion"/>',
      '<t>&#228;&#xE5;&amp;amp;&lt;_x000D_\r\nRad 2</t>',
      // SheetJS reads a reference past U+FFFF as String.fromCharCode does: cut to 16 bits.
      '<t>&#128512;&#95;x0041_</t>', // and an escape made by a reference is decoded after it
      '<rPh><t>x</t></rPh>',
      '<t></t>',
    ];
    const s = (await readBoth(oneSheet(cells(strings.length + 1), { sharedStrings: strings })))
      .sheets[0]!;
    expect(s.values).toEqual([
      [
        ' Individ- och familjeomsorg ',
        'Äldreomsorg ',
        '漢字',
        'äå&amp;<\r\nRad 2', // _x000D_ then CRLF: CR LF
        `${String.fromCharCode(128512 & 0xffff)}A`,
        // Then no text (t unset), '', and past the last <si> the one more, empty, that SheetJS's
        // split leaves: all empty, and trimmed.
      ],
    ]);
    expect(s.formats[0]).toHaveLength(5);
  });

  it('leaves a table of another shape to SheetJS, and calls one that is not XML corrupt', async () => {
    const slow: string[] = [];
    const odd = rawBook({
      sheets: [{ name: 'A', path: 'xl/worksheets/sheet1.xml', xml: sheetXml(cells(1)) }],
      sharedStrings: ['<t>a</t></si><extLst/><si><t>b</t>'],
    });
    expect((await readBoth(odd, { slow })).sheets[0]!.values).toEqual([['a']]);
    expect(slow).toEqual(['xl/sharedStrings.xml: an unusual <si>']);
    const broken = rawBook({
      sheets: [{ name: 'A', path: 'xl/worksheets/sheet1.xml', xml: sheetXml(cells(1)) }],
      sharedStrings: ['<t>a</si>'],
    });
    const error: unknown = await readWorkbookStream(broken, 'plan.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).reason).toBe('corrupt');
  });
});

describe('readWorkbookStream falls back to SheetJS where it must', () => {
  it('reads a date cell t="d" through SheetJS, leaving no stream behind', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      // The date cell comes early in a sheet of some 600 kB, so the inflater is left mid-stream.
      const rows = Array.from(
        { length: 8000 },
        (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i * 7919}</v></c></row>`,
      );
      const bytes = oneSheet(
        `<row r="1"><c r="A1" t="d" s="1"><v>2023-08-31T00:00:00Z</v></c></row>${rows.join('')}`,
        { xfs: [0, 14] },
      );
      const reasons: string[] = [];
      const wb = await readWorkbookStream(bytes, 'd.xlsx', { onFallback: (r) => reasons.push(r) });
      expect(reasons).toEqual(['date cell (t="d")']);
      expect(wb).toStrictEqual(readWorkbook(bytes, 'd.xlsx'));
      expect(wb.sheets[0]!.values[0]).toEqual(['2023-08-31']);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('readWorkbookStream on files that are no workbook', () => {
  async function streamedReason(bytes: Uint8Array): Promise<string> {
    const error: unknown = await readWorkbookStream(bytes, 'fel.xlsx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as Error).message.startsWith('fel.xlsx: ')).toBe(true);
    return (error as UnreadableWorkbookError).reason;
  }

  function sheetjsReason(bytes: Uint8Array): string {
    try {
      readWorkbook(bytes, 'fel.xlsx');
    } catch (e) {
      return (e as UnreadableWorkbookError).reason;
    }
    return 'read';
  }

  const good = rawXlsx([{ name: 'A', rowsXml: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
  /** `head` bytes of a good workbook, then pseudo-random bytes. */
  function garbled(head: number): Buffer {
    const bytes = Buffer.concat([good.subarray(0, head), Buffer.alloc(4000)]);
    let x = 12345;
    for (let i = head; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    return bytes;
  }

  it.each([
    ['empty-file', new Uint8Array(0)],
    ['not-a-workbook', new TextEncoder().encode('Område;Budget\n')],
    ['not-a-workbook', plainZip()],
    // A zip with a [Content_Types].xml but no workbook (a .docx, say): SheetJS says "Could not
    // find workbook", which both readers call what it is, no workbook.
    [
      'not-a-workbook',
      zip([
        {
          name: '[Content_Types].xml',
          data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        },
        { name: 'word/document.xml', data: '<w:document/>' },
      ]),
    ],
  ])('gives %s as SheetJS does', async (reason, bytes) => {
    expect(await streamedReason(bytes)).toBe(reason);
    expect(sheetjsReason(bytes)).toBe(reason);
  });

  it('calls a cut-short or garbled zip corrupt, where SheetJS reads garbage offsets', async () => {
    const truncated = good.subarray(0, good.length - 30);
    expect(await streamedReason(truncated)).toBe('corrupt');
    expect(sheetjsReason(truncated)).toBe('corrupt');
    // SheetJS calls this one `encrypted` (it takes random bits for flags) and loops forever on
    // garbled(30), so neither is asked of it.
    expect(await streamedReason(garbled(4))).toBe('corrupt');
    expect(await streamedReason(garbled(30))).toBe('corrupt');
  });

  it('reads a sheet with damaged deflate data as an unreadable sheet, with no stray rejection', async () => {
    // SheetJS's own inflate can loop forever on such data; it is never asked.
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const damaged = Buffer.from(good);
      const at = damaged.indexOf('xl/worksheets/sheet1.xml') + 26;
      damaged.fill(0xff, at, at + 8);
      const reasons: string[] = [];
      const unreadable: string[] = [];
      const streamed = await readWorkbookStream(damaged, 'fel.xlsx', {
        onFallback: (r) => reasons.push(r),
        onUnreadableSheet: (sheet) => unreadable.push(sheet),
      });
      expect(reasons).toEqual([]);
      expect(unreadable).toEqual(['A']);
      expect(streamed.sheets).toEqual([
        { name: 'A', origin: { row: 1, col: 1 }, values: [], formats: [], merges: [] },
      ]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('readWorkbookStream on generated text', () => {
  const piece = fc.constantFrom(
    'a',
    'Å',
    ' ',
    '\u00a0',
    '−',
    '&',
    '<',
    '>',
    '"',
    "'",
    '_x000D_',
    '_x0041_',
    '\n',
    '\r\n',
    '\t',
    '漢',
    '😀',
    '&amp;',
    '_x005F_',
  );
  const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));

  it('reads str, inline and shared strings, plain and in runs, as SheetJS does', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, text, text, async (a, b, c, d) => {
        const runs = (x: string, y: string): string =>
          `<r><t xml:space="preserve">${esc(x)}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${esc(y)}</t></r>`;
        const rows =
          `<row r="1"><c r="A1" t="str"><v>${esc(a)}</v></c>` +
          `<c r="B1" t="inlineStr"><is><t xml:space="preserve">${esc(b)}</t></is></c>` +
          `<c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c>` +
          `<c r="E1" t="inlineStr"><is>${runs(a, d)}</is></c></row>`;
        const fallbacks: string[] = [];
        const slow: string[] = [];
        const bytes = oneSheet(rows, {
          sharedStrings: [`<t xml:space="preserve">${esc(c)}</t>`, runs(c, d)],
        });
        await readBoth(bytes, { fallbacks, slow });
        // Only a raw carriage return in a cell's text sends the sheet to the XML parser, and that
        // to SheetJS; the shared strings are always the scanner's.
        if (!(a + b + d).includes('\r')) {
          expect(fallbacks).toEqual([]);
          expect(slow).toEqual([]);
        } else {
          expect(slow).toEqual([
            'xl/worksheets/sheet1.xml: a line break in text of XML with carriage returns',
          ]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads generated sheets of every kind of cell as SheetJS does', async () => {
    const body = fc.constantFrom(
      '<v>1</v>',
      '<v>-2.5</v>',
      '<v>45169.5</v>',
      '<v>1e3</v>',
      '<v> 7</v>',
      '<v>abc</v>',
      '<v>0</v>',
      '<v>1</v><v>2</v>',
      '<v></v>',
      '<v/>',
      '',
      '<f>A1*2</f>',
      '<f>A1*2</f><v>4</v>',
      '<f t="shared" ref="A1:C9" si="0">A1</f><v>3</v>',
      '<f t="shared" si="0"/><v>5</v>',
      '<v>#DIV/0!</v>',
      '<v>true</v>',
      '<is><t>Äldre&amp;omsorg</t></is>',
      '<is><r><t>a</t></r><rPh><t>x</t></rPh><r><t>b</t></r></is>',
      '<is></is>',
      '<is> </is>',
      '<v>Rad_x000D_</v>',
    );
    const cell = fc.record({
      gap: fc.nat(2),
      ref: fc.constantFrom('A1', 'none', 'lower'),
      s: fc.constantFrom('', ' s="1"', ' s="2"', ' s="3"', ' s="9"', ' s="01"'),
      t: fc.constantFrom(
        '',
        ' t="n"',
        ' t="s"',
        ' t="str"',
        ' t="inlineStr"',
        ' t="b"',
        ' t="e"',
        ' t=""',
        ' t="x"',
      ),
      body,
    });
    const sheet = fc.array(fc.record({ gap: fc.nat(2), cells: fc.array(cell, { maxLength: 6 }) }), {
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(sheet, fc.boolean(), async (rows, date1904) => {
        let r = 0;
        const xml = rows
          .map((row) => {
            r += 1 + row.gap;
            let c = -1;
            const cells = row.cells.map((x) => {
              c += 1 + x.gap;
              const a1 = `${String.fromCharCode(65 + c)}${r}`;
              const ref =
                x.ref === 'none' ? '' : ` r="${x.ref === 'lower' ? a1.toLowerCase() : a1}"`;
              const v = x.t === ' t="s"' ? x.body.replace(/<v>[^<]*<\/v>/, '<v>1</v>') : x.body;
              return `<c${ref}${x.s}${x.t}>${v}</c>`;
            });
            return `<row r="${r}">${cells.join('')}</row>`;
          })
          .join('');
        const bytes = oneSheet(
          xml,
          {
            xfs: [0, 9, 14, 164],
            numFmts: [[164, '# ##0 "tkr"']],
            sharedStrings: ['<t>a</t>', '<t>Skola</t>'],
            date1904,
          },
          '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="c1:d1"/></mergeCells>',
        );
        // Negative serials in date formats make readWorkbook throw: then both must throw alike.
        const failure = (e: unknown): string => `${(e as Error).name}: ${(e as Error).message}`;
        const streamed = await readWorkbookStream(bytes, 'plan.xlsx').catch(failure);
        let expected: WorkbookSnapshot | string;
        try {
          expected = readWorkbook(bytes, 'plan.xlsx');
        } catch (e) {
          expected = failure(e);
        }
        expect(streamed).toStrictEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

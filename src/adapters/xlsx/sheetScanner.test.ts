/**
 * The byte scanner against the XML parser it stands in for (`readSheetXmlSaxes`), sheet by sheet:
 * whatever the scanner reads, it reads exactly as the parser's reader does, fed the same chunks;
 * and wherever that reader would fall back to SheetJS or call the sheet damaged, the scanner has
 * refused first (so the general way decides, as before). The workbook-level comparison with
 * SheetJS itself is `readWorkbookStream.test.ts`.
 */
import fc from 'fast-check';
import type { SheetSnapshot } from '../../domain/grid';
import { NotStreamableError } from '../../errors';
import { ReadBudget } from './readBudget';
import { readSheetXml } from './readSheetXml';
import { readSheetXmlSaxes } from './saxesSheetReader';
import type { SheetXmlContext } from './sheetCells';
import { simpleDecimal } from './decimalBytes';
import { SheetScanner } from './sheetScanner';
import { NotScanned } from './xmlBytes';

const context: SheetXmlContext = {
  strings: [{ t: 'Skola' }, { t: 'Äldreomsorg' }, {}, { t: '' }],
  cellXfs: [{ numFmtId: 0 }, { numFmtId: 9 }, { numFmtId: 14 }, { numFmtId: 164 }],
  formatTable: { 0: 'General', 9: '0%', 14: 'm/d/yy', 164: '# ##0 "tkr"' },
  date1904: false,
};

/** `bytes` as chunks of `size` bytes, cut anywhere (inside characters and tags too). */
async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    await Promise.resolve();
    yield bytes.subarray(at, at + size);
  }
}

/** The same bytes, each chunk in memory of its own (as a streamed inflate gives them). */
async function* copiedChunksOf(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    await Promise.resolve();
    yield Uint8Array.from(bytes.subarray(at, at + size));
  }
}

type Outcome = SheetSnapshot | { refused: string } | { failed: string };

async function scanned(bytes: Buffer, size: number, copied = false): Promise<Outcome> {
  const scanner = new SheetScanner(context, 'Blad1');
  try {
    for await (const chunk of (copied ? copiedChunksOf : chunksOf)(bytes, size)) {
      scanner.push(chunk);
    }
    return { name: 'Blad1', origin: { row: 1, col: 1 }, ...scanner.finish() };
  } catch (error) {
    if (error instanceof NotScanned) return { refused: error.reason };
    return { failed: String(error) };
  }
}

async function parsed(bytes: Buffer, size: number): Promise<Outcome> {
  try {
    return await readSheetXmlSaxes('Blad1', chunksOf(bytes, size), context);
  } catch (error) {
    return { failed: error instanceof NotStreamableError ? error.reason : String(error) };
  }
}

const sheet = (rows: string, { head = '', tail = '', prefix = '' } = {}): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `${head}<${prefix}sheetData>${rows}</${prefix}sheetData>${tail}</${prefix}worksheet>`;

/** Scanned in chunks of every size given, the scanner reads `xml` as the parser's reader does. */
async function expectAlike(xml: string, sizes = [1, 2, 3, 7, 64, 1 << 16]): Promise<SheetSnapshot> {
  const bytes = Buffer.from(xml, 'utf8');
  let first: Outcome | null = null;
  for (const size of sizes) {
    const fast = await scanned(bytes, size);
    expect(fast).not.toHaveProperty('refused');
    expect(fast).toStrictEqual(await parsed(bytes, size));
    expect(await scanned(bytes, size, true)).toStrictEqual(fast);
    first ??= fast;
  }
  return first as SheetSnapshot;
}

describe('the byte scanner reads what the XML parser reads', () => {
  it('reads every kind of cell, in chunks cut anywhere', async () => {
    const rows =
      '<row r="1" spans="1:6" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>1</v></c>' +
      '<c r="B1" s="1"><v>0.92</v></c><c r="C1" s="2"><v>45169</v></c><c r="D1" t="b"><v>1</v></c>' +
      '<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c></row>\r\n' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> Hemtjänst − 😀 </t></is></c>' +
      '<c r="B3" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>Individ- och </t></r><r><t>familjeomsorg</t></r>' +
      '<rPh sb="0" eb="1"><t>x</t></rPh><phoneticPr fontId="1"/></is></c>' +
      '<c r="C3" s="3"><v>-11828.26</v></c><c r="D3"><v>1.5E-3</v></c><c r="E3"><v> 7</v></c>' +
      '<c r="F3"><v>0.91999999999999993</v></c><c r="G3" t="b"><v>true</v></c><c r="H3" t="x"><v>1</v></c></row>';
    const s = await expectAlike(sheet(rows));
    expect(s.values[0]).toEqual(['Äldreomsorg', 0.92, '2023-08-31', true, null, 'a&b']);
    expect(s.values[2]).toEqual([
      ' Hemtjänst − 😀 ',
      'Individ- och familjeomsorg',
      -11828.26,
      0.0015,
      7,
      0.91999999999999993,
      true,
    ]);
    expect(s.errors).toEqual([{ row: 1, col: 5, text: '#DIV/0!' }]);
  });

  it('decodes references and Excel escapes as SheetJS does', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&#65;&#x42;&lt;&gt;&amp;&quot;&apos;_x0009__x005F_x0041_</t></is></c>' +
      '<c r="B1" t="str"><v>a &amp;lt; b</v></c><c r="C1"><v>&#49;2</v></c><c r="D1"><v>_x0033_</v></c>' +
      '<c r="E1" t="s"><v>&#48;</v></c><c r="F1" t="inlineStr"><is><r><t>&amp;</t></r><r><t>lt;</t></r></is></c></row>';
    const s = await expectAlike(sheet(rows));
    expect(s.values).toEqual([['AB<>&"\'\t_x0041_', 'a < b', 12, 3, 'Skola', '&lt;']]);
  });

  it('reads line breaks in text of XML without carriage returns', async () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Rad 1\nRad 2</t></is></c>' +
        '<c r="B1" t="str"><v>a&#10;b</v></c><c r="C1" t="str"><v>c_x000D_\nd</v></c></row>',
    ).replace('\r\n', '\n');
    expect((await expectAlike(xml)).values).toEqual([['Rad 1\nRad 2', 'a\nb', 'c\nd']]);
  });

  it('places cells without r, and reads rows without r and empty rows as SheetJS does', async () => {
    const rows =
      '<row><c><v>1</v></c><c s="1"/><c><v>2</v></c></row><row r="4"/>' +
      '<row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5" s="1" customFormat="1"/>';
    const s = await expectAlike(sheet(rows));
    expect(s.values).toEqual([
      [1, null, 2],
      [null, null, 3, 4],
    ]);
  });

  it('reads a very long row, a long string and shared formulas across chunks', async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => `<c s="1"><v>${i / 8}</v></c>`).join('');
    const long = 'Äldreomsorg − område '.repeat(15_000);
    const rows =
      `<row r="1">${cells}</row><row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c></row>` +
      '<row r="3"><c r="B3"><f t="shared" ref="B3:B5" si="0">A3*2</f><v>4</v></c></row>' +
      '<row r="4"><c r="B4"><f t="shared" si="0"/><v>6</v></c><c r="C4"><f t="shared" si="0"/><v>8</v></c></row>';
    const s = await expectAlike(sheet(rows), [7, 4096, 1 << 16]);
    expect(s.values[0]!.length).toBe(3000);
    expect(s.values[0]![2999]).toBe(2999 / 8);
    expect(s.values[1]![0]).toBe(long);
    expect(s.values[3]!.slice(0, 3)).toEqual([null, 6, 8]);
  });

  it('reads namespace prefixes, a byte order mark, the markup around the cells and merges', async () => {
    const xml =
      '\uFEFF' +
      sheet(
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>5</x:v></x:c></x:row>',
        {
          prefix: 'x:',
          head: '<x:sheetPr><x:tabColor rgb="FF00B050"/></x:sheetPr><x:dimension ref="A1:B1"/>',
          tail: '<x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells><x:pageMargins left="0.7"/>',
        },
      );
    const s = await expectAlike(xml);
    expect(s.values).toEqual([['Skola', 5]]);
    expect(s.merges).toEqual(['A1:B1']);
  });

  it('reads a sheet of no cells (<sheetData/>), its merges from the whole part', async () => {
    const xml = sheet('', { tail: '<mergeCells><mergeCell ref="A1:C1"/></mergeCells>' }).replace(
      '<sheetData></sheetData>',
      '<sheetData/>',
    );
    const s = await expectAlike(xml);
    expect(s).toEqual({
      name: 'Blad1',
      origin: { row: 1, col: 1 },
      values: [],
      formats: [],
      merges: ['A1:C1'],
    });
  });
});

describe('the byte scanner refuses what it does not read, before the XML parser decides', () => {
  it.each([
    ['a date cell', '<c r="A1" t="d"><v>2023-08-31</v></c>', 'date cell (t="d")'],
    ['a comment among the cells', '<c r="A1"><v>1</v></c><!-- x -->', 'not a name'],
    ['CDATA', '<c r="A1" t="str"><v><![CDATA[x]]></v></c>', 'an end tag that does not match'],
    [
      'a reference above U+007F',
      '<c r="A1" t="str"><v>&#8722;1</v></c>',
      'a character reference above U+007F',
    ],
    ['a tab between attributes', '<c\tr="A1"><v>1</v></c>', 'no space before an attribute'],
    ['a lowercase reference', '<c r="a1"><v>1</v></c>', 'an unusual cell reference'],
    [
      'a style index with a leading zero',
      '<c r="A1" s="01"><v>1</v></c>',
      'an unusual style index',
    ],
    [
      'a reference in an attribute',
      '<c r="A1" t="&#115;"><v>0</v></c>',
      'an unusual attribute value',
    ],
    ['malformed XML', '<c r="A1"<v>1</v></c>', 'attributes without space'],
    ['an end tag that does not match', '<c r="A1"><v>1</x></c>', 'an end tag that does not match'],
    [
      'a shared string that does not exist',
      '<c r="A1" t="s"><v>9</v></c>',
      'shared string index out of range',
    ],
    ['an unknown entity', '<c r="A1" t="str"><v>&nbsp;</v></c>', 'an unknown entity'],
    ['a control character', '<c r="A1" t="str"><v>a\u0001</v></c>', 'a control character'],
    ['<v/> then <v>', '<c r="A1"><v/><v>1</v></c>', 'two <v> in a cell'],
    [
      'an array formula without ref',
      '<c r="A1"><f t="array">B1</f><v>1</v></c>',
      'array formula without ref',
    ],
  ])('%s', async (_what, cell, reason) => {
    const bytes = Buffer.from(sheet(`<row r="1">${cell}</row>`), 'utf8');
    for (const size of [3, 1 << 16])
      expect(await scanned(bytes, size)).toEqual({ refused: reason });
  });

  it('refuses a line break in text once the XML held a carriage return', async () => {
    const bytes = Buffer.from(sheet('<row r="1"><c r="A1" t="str"><v>a\nb</v></c></row>'), 'utf8');
    expect(await scanned(bytes, 1 << 16)).toEqual({
      refused: 'a line break in text of XML with carriage returns',
    });
  });

  it('refuses a shared formula shifted left of column A', async () => {
    const rows =
      '<row r="1"><c r="B1"><f t="shared" ref="A1:B2" si="0">A1*2</f><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>';
    const bytes = Buffer.from(sheet(rows), 'utf8');
    expect(await scanned(bytes, 1 << 16)).toEqual({
      refused: 'shared formula shifted left of column A',
    });
    expect(await parsed(bytes, 1 << 16)).toEqual({
      failed: 'shared formula shifted left of column A',
    });
  });

  // The property: on generated sheets, odd ones among them, the scanner either refuses or reads
  // exactly what the parser's reader reads, and never reads one the parser's reader would not.
  it('reads generated sheets as the parser does, or refuses them', async () => {
    // Mostly what writers write, now and then something odd: an odd cell makes the whole sheet
    // one the scanner refuses, so odd pieces are rare for many sheets to be read.
    const sometimes = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> =>
      fc.oneof({ arbitrary: usual, weight: 60 }, { arbitrary: odd, weight: 1 });
    const space = sometimes(fc.constant(' '), fc.constantFrom('  ', '\t', '\n'));
    const q = sometimes(fc.constant('"'), fc.constant("'"));
    const body = sometimes(
      fc.constantFrom(
        '<v>1</v>',
        '<v>-2.5</v>',
        '<v>45169.5</v>',
        '<v>1e3</v>',
        '<v>-0</v>',
        '<v>0.91999999999999993</v>',
        '<v>12345678901234567</v>',
        '<v> 7</v>',
        '<v>abc</v>',
        '<v>&#49;</v>',
        '<v>_x0031_</v>',
        '<v></v>',
        '<v/>',
        '',
        '<f>A1*2</f><v>4</v>',
        '<f t="shared" ref="A1:C9" si="0">B1</f><v>3</v>',
        '<f t="shared" si="0"/><v>5</v>',
        '<f t="array" ref="A1">A1</f><v>1</v>',
        '<f></f><v>2</v>',
        '<v>#DIV/0!</v>',
        '<v>#SPILL!</v>',
        '<v>true</v>',
        '<v>0</v>',
        '<is><t>Äldre&amp;omsorg</t></is>',
        '<is><t xml:space="preserve"> a </t></is>',
        '<is><r><t>a</t></r><rPh><t>x</t></rPh><r><rPr><b/></rPr><t>b</t></r></is>',
        '<is><rPh><t>x</t></rPh><t>y</t></is>',
        '<is></is>',
        '<is/>',
        '<is> </is>',
        '<is><t>a\nb</t></is>',
        '<v>&amp;lt;</v>',
      ),
      fc.constantFrom(
        '<v>1</v><v>2</v>',
        '<v xml:space="preserve">3</v>',
        '<v>1E+300</v>',
        '<v>+7</v>',
        "<f t='shared' si='0'/><v>5</v>",
        '<f t="array">A1</f><v>1</v>',
        '<is><t/></is>',
        '<v>a\r\nb</v>',
        '<v>&#8722;</v>',
        '<v><![CDATA[1]]></v>',
        '<!-- c --><v>1</v>',
        '<extLst/>',
        'text',
        '<v>1</v',
        '<v>1</w>',
        '<v>&nbsp;</v>',
      ),
    );
    const cell = fc.record({
      ref: sometimes(
        fc.constantFrom('A1', 'A1', 'none'),
        fc.constantFrom('lower', 'dollar', 'empty'),
      ),
      space,
      q,
      s: sometimes(
        fc.constantFrom('', '', ' s="1"', ' s="2"', ' s="3"', ' s="9"'),
        fc.constantFrom(' s="01"', ' S="1"'),
      ),
      t: sometimes(
        fc.constantFrom(
          '',
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
        fc.constant(' t="d"'),
      ),
      extra: sometimes(
        fc.constantFrom('', '', ' cm="1"'),
        fc.constantFrom(' x:r="B1"', ' r_="B1"'),
      ),
      body,
    });
    const row = fc.record({
      gap: fc.nat(2),
      r: sometimes(fc.constantFrom('r', 'r', 'none'), fc.constantFrom('R', 'odd')),
      closing: sometimes(fc.constantFrom('>', '>', '>', '/>'), fc.constant(' >')),
      cells: fc.array(cell, { maxLength: 5 }),
      end: fc.constantFrom('', '', '\n', '\r\n'),
    });
    const shape = fc.record({
      rows: fc.array(row, { maxLength: 5 }),
      prefix: fc.constantFrom('', '', 'x:'),
      head: fc.constantFrom(
        '',
        '',
        '<dimension ref="A1:C3"/>',
        '<!-- c -->',
        '<sheetPr codeName="Blad1"/>',
      ),
      tail: fc.constantFrom(
        '',
        '<mergeCells><mergeCell ref="A1:B2"/></mergeCells>',
        '<hyperlinks><hyperlink ref="a1" r:id="rId1"/></hyperlinks>',
        '<headerFooter><oddHeader>&#8722;</oddHeader></headerFooter>',
        '<pageMargins left="0.7"',
      ),
      size: fc.constantFrom(1, 5, 13, 64, 1 << 16),
    });
    let read = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(shape, async ({ rows, prefix, head, tail, size }) => {
        let r = 0;
        const xml = rows
          .map((x) => {
            r += 1 + x.gap;
            let c = -1;
            const cells = x.cells.map((cellShape) => {
              c += 1;
              const a1 = `${String.fromCharCode(65 + c)}${r}`;
              const ref = {
                A1: ` r=${cellShape.q}${a1}${cellShape.q}`,
                none: '',
                lower: ` r="${a1.toLowerCase()}"`,
                dollar: ` r="$${a1}"`,
                empty: ' r=""',
              }[cellShape.ref];
              const shared = cellShape.t === ' t="s"';
              const v = (
                shared ? cellShape.body.replace(/<v>[^<]*<\/v>/, `<v>${c % 4}</v>`) : cellShape.body
              ).replace(/<(\/?)([a-zA-Z]+)/g, `<$1${prefix}$2`);
              const attributes = `${ref}${cellShape.s}${cellShape.t}${cellShape.extra}`.replace(
                /^ /,
                cellShape.space,
              );
              return `<${prefix}c${attributes}>${v}</${prefix}c>`;
            });
            const number = { r: ` r="${r}"`, none: '', R: ` R="${r}"`, odd: ` r="${r}x"` }[x.r];
            if (x.closing === '/>') return `<${prefix}row${number}/>${x.end}`;
            return `<${prefix}row${number}${x.closing}${cells.join('')}</${prefix}row>${x.end}`;
          })
          .join('');
        const bytes = Buffer.from(sheet(xml, { head, tail, prefix }), 'utf8');
        const fast = await scanned(bytes, size);
        runs++;
        if ('refused' in fast) return;
        read++;
        expect(fast).toStrictEqual(await parsed(bytes, size));
      }),
      { numRuns: Number(process.env.NP_SCAN_RUNS ?? 1000) },
    );
    // Not a vacuous property: many generated sheets are read, not refused.
    expect(read).toBeGreaterThan(runs / 4);
  });
});

describe('readSheetXml', () => {
  it('reads a refused sheet again with the XML parser, counting its cells once', async () => {
    const cells = Array.from({ length: 500 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`);
    const rows = cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join('');
    const xml = sheet(`${rows}<row r="501"><c\tr="A501"><v>7</v></c></row>`);
    const budget = new ReadBudget('plan.xlsx', 1000);
    const slow: string[] = [];
    const bytes = Buffer.from(xml, 'utf8');
    const s = await readSheetXml(
      'Blad1',
      () => chunksOf(bytes, 1000),
      { ...context, budget },
      (r) => slow.push(r),
    );
    expect(slow).toEqual(['no space before an attribute']);
    expect(s.values[499]).toEqual([499]);
    expect(s.values[500]).toEqual([7]);
    expect(budget.cellsCharged).toBe(501);
  });
});

describe('simpleDecimal', () => {
  it('gives parseFloat of plain decimals exactly, and leaves the rest to it', () => {
    const texts = [
      '0',
      '-0',
      '1',
      '-2803',
      '0.92',
      '-11828.26',
      '1.5E-3',
      '1e22',
      '123456789012345',
      '.5',
      '5.',
      '0.000001234',
    ];
    for (const text of texts) {
      expect(Object.is(simpleDecimal(Buffer.from(text), 0, text.length), parseFloat(text))).toBe(
        true,
      );
    }
    for (const text of [
      '',
      '-',
      '+1',
      ' 1',
      '1 ',
      '1e',
      '1e400',
      '1234567890123456',
      'Infinity',
      '1x',
      '1.2.3',
    ]) {
      expect(simpleDecimal(Buffer.from(text), 0, text.length)).toBeUndefined();
    }
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 20 }),
        (n, digits) => {
          const text = Math.abs(n) < 1e21 ? n.toFixed(digits) : String(n);
          const fast = simpleDecimal(Buffer.from(text), 0, text.length);
          if (fast !== undefined) expect(Object.is(fast, parseFloat(text))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

/**
 * Test helpers that write .xlsx files byte by byte (a tiny zip writer plus the few XML parts a
 * workbook needs), so tests can make files no library would: a sheet with a million empty but
 * formatted rows, a workbook without sheets' values, and so on. Node only.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../../src/adapters/xlsx/zipArchive';

/** A zip archive (deflated entries) of the given files. */
export function zip(entries: { name: string; data: Buffer | string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(data, { level: 1 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One sheet of a raw workbook: its name and the full `<sheetData>` body (rows XML). */
export interface RawSheet {
  name: string;
  rowsXml: string;
  dimension?: string;
}

/**
 * A minimal but valid .xlsx: given sheets, inline-string cells allowed, two extra cell styles
 * (1: format `0%` with a fill; 2: a date, format 14) that cells can reference as `s="1"`.
 */
export function rawXlsx(sheets: RawSheet[], opts: { date1904?: boolean } = {}): Buffer {
  return zip(rawXlsxFiles(sheets, opts));
}

/** The parts of `rawXlsx`, in zip order, for tests that damage or replace one of them. */
export function rawXlsxFiles(
  sheets: RawSheet[],
  opts: { date1904?: boolean } = {},
): { name: string; data: string }[] {
  const files: { name: string; data: string }[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets
          .map(
            (_s, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        (opts.date1904 ? '<workbookPr date1904="1"/>' : '') +
        '<sheets>' +
        sheets
          .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(
            (_s, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    },
    {
      name: 'xl/styles.xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
        '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>' +
        '<borders count="1"><border/></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="9" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>' +
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
        '</styleSheet>',
    },
  ];
  sheets.forEach((s, i) =>
    files.push({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        (s.dimension ? `<dimension ref="${s.dimension}"/>` : '') +
        `<sheetData>${s.rowsXml}</sheetData></worksheet>`,
    }),
  );
  return files;
}

/** An inline-string cell. */
export const strCell = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
/** A number cell, optionally with style index 1 (`0%`, yellow fill) or 2 (a date). */
export const numCell = (ref: string, n: number, style: 0 | 1 | 2 | boolean = 0): string =>
  `<c r="${ref}"${style ? ` s="${Number(style)}"` : ''}><v>${n}</v></c>`;

/**
 * A workbook whose only sheet holds a small table at the top and then `emptyRows` rows that are
 * formatted (style 1 on six cells each) but hold no value, as when a user formats whole columns.
 */
export function millionEmptyRowsXlsx(emptyRows = 1_000_000, cellsPerRow = 6): Buffer {
  const cols = 'ABCDEF'.slice(0, cellsPerRow).split('');
  const head =
    `<row r="1">${strCell('A1', 'Område')}${strCell('B1', 'Budget 2023')}${strCell('C1', 'Utfall 2023')}</row>` +
    `<row r="2">${strCell('A2', 'Äldreomsorg')}${numCell('B2', -1000)}${numCell('C2', -1100)}</row>` +
    `<row r="3">${strCell('A3', 'Andel')}${numCell('B3', 0.92, true)}</row>`;
  const parts: string[] = [head];
  for (let r = 4; r < 4 + emptyRows; r++) {
    parts.push(
      `<row r="${r}" s="1" customFormat="1">${cols.map((c) => `<c r="${c}${r}" s="1"/>`).join('')}</row>`,
    );
  }
  return rawXlsx([{ name: 'Data', rowsXml: parts.join(''), dimension: `A1:F${3 + emptyRows}` }]);
}

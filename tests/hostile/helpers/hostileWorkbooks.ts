/**
 * Broken and hostile workbooks, made at run time: a small budget workbook of two sheets (`Drift`
 * with a table, `Noter` with a note) with one of its parts damaged, replaced by a bomb, or holding
 * text meant for a terminal or a report. Node only.
 */
import { randomBytes } from 'node:crypto';
import * as XLSX from '@e965/xlsx';
import { crc32, entryData, readZipEntries } from '../../../src/adapters/xlsx/zipArchive';
import { numCell, rawXlsxFiles, strCell, type RawSheet } from '../../cli/helpers/rawXlsx';
import { bombEntry, craftedZip, deflated, type CraftedEntry } from './craftedZip';

const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';

/** The rows of a small budget table in tkr: two lines and their total, with a printed variance. */
export function budgetRows(label = 'Äldreomsorg'): string {
  return (
    `<row r="1">${strCell('A1', 'Driftredovisning (tkr)')}</row>` +
    `<row r="2">${strCell('A2', 'Verksamhet')}${strCell('B2', 'Budget 2023')}` +
    `${strCell('C2', 'Utfall 2023')}${strCell('D2', 'Avvikelse')}</row>` +
    `<row r="3">${strCell('A3', label)}${numCell('B3', -1000)}${numCell('C3', -1100)}${numCell('D3', -100)}</row>` +
    `<row r="4">${strCell('A4', 'Individ- och familjeomsorg')}${numCell('B4', -500)}${numCell('C4', -450)}${numCell('D4', 50)}</row>` +
    `<row r="5">${strCell('A5', 'Totalt')}${numCell('B5', -1500)}${numCell('C5', -1550)}${numCell('D5', -50)}</row>`
  );
}

const NOTE_ROWS = `<row r="1">${strCell('A1', 'Noter')}</row><row r="2">${strCell('A2', 'Källa: ekonomisystemet')}</row>`;

/** The two sheets, `Drift` (a budget table) and `Noter`. */
export function twoSheets(driftRows = budgetRows()): RawSheet[] {
  return [
    { name: 'Drift', rowsXml: driftRows },
    { name: 'Noter', rowsXml: NOTE_ROWS },
  ];
}

/** The workbook of `sheets` with the part `name` replaced by what `replace` makes of it. */
export function withPart(
  name: string,
  replace: (name: string, data: string) => CraftedEntry,
  sheets: RawSheet[] = twoSheets(),
): Buffer {
  const files = rawXlsxFiles(sheets);
  if (!files.some((f) => f.name === name)) throw new RangeError(`no part ${name}`);
  return craftedZip(
    files.map((f) => (f.name === name ? replace(f.name, f.data) : deflated(f.name, f.data))),
  );
}

/** The workbook with one more part, `xl/sharedStrings.xml` or anything else. */
export function withExtraPart(entry: CraftedEntry, sheets: RawSheet[] = twoSheets()): Buffer {
  return craftedZip([...rawXlsxFiles(sheets).map((f) => deflated(f.name, f.data)), entry]);
}

/** A sheet part of the given rows. */
export const sheetPart = (rows: string): string => `${SHEET_OPEN}${rows}${SHEET_CLOSE}`;

/** `Noter` whose XML is not well-formed: a `<c` never closed, in the middle of the sheet. */
export function malformedSheet(): Buffer {
  return withPart('xl/worksheets/sheet2.xml', (n) =>
    deflated(n, sheetPart(`${NOTE_ROWS}<row r="3"><c r="A3"<v>1</v></c></row>`)),
  );
}

/** `Noter` with one note cell pointing at shared string 57 of none. */
export function sharedStringOutOfRange(): Buffer {
  return withPart('xl/worksheets/sheet2.xml', (n) =>
    deflated(n, sheetPart(`${NOTE_ROWS}<row r="3"><c r="A3" t="s"><v>57</v></c></row>`)),
  );
}

/** `Noter` whose deflate stream is damaged a few bytes in. */
export function damagedDeflate(): Buffer {
  return withPart('xl/worksheets/sheet2.xml', (n, data) => {
    const entry = deflated(n, data + ' '.repeat(2000));
    const packed = Buffer.from(entry.packed);
    packed.fill(0xff, 2, 10);
    return { ...entry, packed };
  });
}

/** `xl/workbook.xml` cut off in the middle of the second `<sheet>`. */
export function cutOffWorkbookXml(): Buffer {
  return withPart('xl/workbook.xml', (n, data) =>
    deflated(n, data.slice(0, data.indexOf('Noter') + 8)),
  );
}

/** The shared strings part's deflate stream damaged: the workbook's strings cannot be known. */
export function damagedSharedStrings(): Buffer {
  const strings =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">' +
    `${'<si><t>Äldreomsorg</t></si>'.repeat(200)}</sst>`;
  const entry = deflated('xl/sharedStrings.xml', strings);
  const packed = Buffer.from(entry.packed);
  packed.fill(0xff, 2, 10);
  return withExtraPart({ ...entry, packed });
}

// One row, 41 bytes, repeated 1 600 times: a 64 KiB unit that deflates to about 100 bytes.
const BOMB_UNIT = '<row r="9"><c r="A9"><v>1</v></c></row>'.repeat(1600);

/**
 * `Noter` replaced by a sheet inflating to `gib` GiB, its header honest (`claim` unset) or
 * claiming `claim` bytes.
 */
export function sheetBomb(gib: number, claim?: number): Buffer {
  const repeats = Math.floor((gib * 2 ** 30) / BOMB_UNIT.length);
  return withPart('xl/worksheets/sheet2.xml', (n) =>
    bombEntry(n, SHEET_OPEN, BOMB_UNIT, repeats, claim),
  );
}

/** A shared-strings part inflating to `gib` GiB of strings, its header honest or claiming `claim`. */
export function sharedStringsBomb(gib: number, claim?: number): Buffer {
  const unit = '<si><t>Äldreomsorg och hemtjänst</t></si>'.repeat(1500);
  const repeats = Math.floor((gib * 2 ** 30) / Buffer.byteLength(unit));
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  return withExtraPart(bombEntry('xl/sharedStrings.xml', head, unit, repeats, claim));
}

/**
 * The "better zip bomb": `count` directory entries all pointing at one local entry of `mib` MiB,
 * so that every one of them inflates the same few kilobytes again.
 */
export function overlappingEntries(count: number, mib: number): Buffer {
  const files = rawXlsxFiles(twoSheets()).map((f) => deflated(f.name, f.data));
  const unit = '<!-- namndplan -->'.repeat(3000);
  const kernel = bombEntry(
    'docProps/custom.xml',
    '<x>',
    unit,
    Math.floor((mib * 2 ** 20) / unit.length),
  );
  return craftedZip([...files, kernel], { aliases: { of: files.length, count } });
}

/** A budget table whose labels and sheet name carry terminal escapes and XML-forbidden text. */
export function hostileTexts(): Buffer {
  const label = 'Äldre\u001b]0;pwned\u0007omsorg\u001b[2J\u001b]52;c;ZWNobyBldmls\u0007';
  const sheets = twoSheets(budgetRows(label));
  return craftedZip(
    rawXlsxFiles(sheets).map((f) =>
      deflated(
        f.name,
        // Excel's own escapes put a BEL, an ESC and U+FFFF into the label and the sheet name.
        f.data
          .replaceAll('\u0007', '_x0007_')
          .replaceAll('\u001b', '_x001B_')
          .replace('omsorg_x001B_[2J', 'omsorg_xFFFF__xFFFE__x0001__x001B_[2J')
          .replace('name="Noter"', 'name="Noter_x001B_[31m"'),
      ),
    ),
  );
}

/** A budget table of numbers near the largest a double holds (1,7e308): its variances overflow. */
export function hugeNumbers(): Buffer {
  const rows =
    `<row r="1">${strCell('A1', 'Driftredovisning (tkr)')}</row>` +
    `<row r="2">${strCell('A2', 'Verksamhet')}${strCell('B2', 'Budget 2023')}${strCell('C2', 'Utfall 2023')}</row>` +
    `<row r="3">${strCell('A3', 'Intäkter')}${numCell('B3', 1.7e308)}${numCell('C3', -1.7e308)}</row>` +
    `<row r="4">${strCell('A4', 'Kostnader')}${numCell('B4', -1e300)}${numCell('C4', -2e300)}</row>`;
  return craftedZip(rawXlsxFiles(twoSheets(rows)).map((f) => deflated(f.name, f.data)));
}

/** A budget table whose title is 40 000 characters: the report's captions would pass 32 767. */
export function longTitle(): Buffer {
  const rows = budgetRows().replace(
    'Driftredovisning (tkr)',
    `Driftredovisning ${'lång '.repeat(8000)}(tkr)`,
  );
  return craftedZip(rawXlsxFiles(twoSheets(rows)).map((f) => deflated(f.name, f.data)));
}

/** A stored picture of random bytes: makes a file bigger without adding anything to inflate. */
function padding(bytes: number): CraftedEntry {
  const data = randomBytes(bytes);
  return { name: 'xl/media/image1.png', packed: data, method: 0, size: bytes, crc: crc32(data) };
}

/**
 * `Noter` of `millions` million rows, each `unit` (after the sheet's opening), declared honestly
 * and padded so that the file is big enough for the read budget (100 × its size): a bomb the
 * budget of bytes lets through, for the budgets of cells and rows to stop.
 */
export function withinByteBudget(unit: string, millions: number): Buffer {
  const piece = unit.repeat(1000);
  const repeats = millions * 1000;
  const size = SHEET_OPEN.length + piece.length * repeats;
  const entry = bombEntry('xl/worksheets/sheet2.xml', SHEET_OPEN, piece, repeats);
  const files = rawXlsxFiles(twoSheets())
    .filter((f) => f.name !== 'xl/worksheets/sheet2.xml')
    .map((f) => deflated(f.name, f.data));
  return craftedZip([...files, entry, padding(Math.ceil(size / 90))]);
}

/**
 * An .ods (as SheetJS writes one) whose date style holds a quarter and a week number: SheetJS
 * prints "Excel does not support ODS format token …" for each on the console while reading it.
 */
export function chattyOds(): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Verksamhet (tkr)', 'Budget 2023', 'Utfall 2023'],
      ['Äldreomsorg', -1000, -1100],
    ]),
    'Blad1',
  );
  const ods = XLSX.write(book, { type: 'buffer', bookType: 'ods' }) as Buffer;
  const style =
    '<number:date-style style:name="N99"><number:quarter/><number:week-of-year/></number:date-style>';
  return craftedZip(
    readZipEntries(ods).map((e) => {
      const data = entryData(ods, e);
      return e.name === 'content.xml'
        ? deflated(e.name, data.toString('utf8').replace('<office:automatic-styles>', `$&${style}`))
        : { ...deflated(e.name, data), ...(e.name === 'mimetype' ? storedAs(data) : {}) };
    }),
  );
}

function storedAs(data: Buffer): Pick<CraftedEntry, 'packed' | 'method'> {
  return { packed: data, method: 0 };
}

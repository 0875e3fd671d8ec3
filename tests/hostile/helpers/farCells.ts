/**
 * Workbooks whose cells lie far apart (issue 12 item 3): a value in A1 and one in XFD1048576, a
 * table with one stray value at the sheet's far corner, a hundred thousand merged areas, cells
 * past Excel's own sheet. Made at run time in milliseconds. Node only.
 */
import { entryData, readZipEntries } from '../../../src/adapters/xlsx/zipArchive';
import { numCell, rawXlsx, rawXlsxFiles, zip, type RawSheet } from '../../cli/helpers/rawXlsx';
import { budgetRows } from './hostileWorkbooks';

/** One sheet `Glest` holding the number 1 in A1 and the number 2 in `far` (`XFD1048576`). */
export function twoFarCells(far: string): Buffer {
  const row = Number(/\d+$/.exec(far)?.[0]);
  const rowsXml =
    row === 1
      ? `<row r="1">${numCell('A1', 1)}${numCell(far, 2)}</row>`
      : `<row r="1">${numCell('A1', 1)}</row><row r="${row}">${numCell(far, 2)}</row>`;
  return rawXlsx([{ name: 'Glest', rowsXml }]);
}

/** `rows` rows, each a label in A (`Rad 7`) and its number in XFD (7): a column at the far edge. */
export function farColumn(rows: number): Buffer {
  const xml: string[] = [];
  for (let r = 1; r <= rows; r++) {
    xml.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Rad ${r}</t></is></c>${numCell(`XFD${r}`, r)}</row>`,
    );
  }
  return rawXlsx([{ name: 'Glest', rowsXml: xml.join('') }]);
}

/**
 * A copy of the workbook `bytes` with one more cell, the number `value` at `ref`, in the sheet
 * part `part`, after the part's last row (so `ref` must lie below it).
 *
 * @example withStrayCell(readFileSync('mellerud-2023.xlsx'), 'xl/worksheets/sheet1.xml', 'XFD1048576', 7)
 */
export function withStrayCell(bytes: Buffer, part: string, ref: string, value: number): Buffer {
  const row = Number(/\d+$/.exec(ref)?.[0]);
  const stray = `<row r="${row}">${numCell(ref, value)}</row>`;
  let found = false;
  const entries = readZipEntries(bytes)
    .filter((entry) => !entry.name.endsWith('/'))
    .map((entry) => {
      const data = entryData(bytes, entry);
      if (entry.name !== part) return { name: entry.name, data };
      found = true;
      const xml = data.toString('utf8');
      const patched = xml.includes('</sheetData>')
        ? xml.replace('</sheetData>', `${stray}</sheetData>`)
        : xml.replace(/<sheetData\s*\/>/, `<sheetData>${stray}</sheetData>`);
      return { name: entry.name, data: patched };
    });
  if (!found) throw new RangeError(`no part ${part}`);
  return zip(entries);
}

/**
 * The small budget table of `budgetRows` (its title merged over A1:D1), and under it `count`
 * merged areas of 2 rows × 100 columns (the largest the engine indexes, 200 cells each) with a
 * note in each one's top-left cell: two million areas' cells would be 20 million keys.
 */
export function manyMergedAreas(count: number): Buffer {
  const rows: string[] = [budgetRows()];
  const merges: string[] = ['<mergeCell ref="A1:D1"/>'];
  for (let i = 0; i < count; i++) {
    const r = 10 + 2 * i;
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Not ${i + 1}</t></is></c></row>`);
    merges.push(`<mergeCell ref="A${r}:CV${r + 1}"/>`);
  }
  const sheets: RawSheet[] = [{ name: 'Drift', rowsXml: rows.join('') }];
  const files = rawXlsxFiles(sheets).map((f) =>
    f.name === 'xl/worksheets/sheet1.xml'
      ? {
          ...f,
          data: f.data.replace(
            '</sheetData>',
            `</sheetData><mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`,
          ),
        }
      : f,
  );
  return zip(files);
}

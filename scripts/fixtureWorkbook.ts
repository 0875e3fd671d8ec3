/**
 * Writes a test workbook deterministically: fixed document dates and zip entry times, so that
 * regenerating changes nothing unless a layout changed. Used by the fixture scripts.
 */
import ExcelJS from 'exceljs';
import type { TableRecord } from '../tests/fixtures/layouts/sheetWriter';

const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** Builds one workbook and returns its bytes (timestamps fixed) and where its tables landed. */
export async function makeWorkbook(
  build: (wb: ExcelJS.Workbook) => TableRecord[],
): Promise<{ bytes: Buffer; tables: TableRecord[] }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Nämndplan testdata';
  wb.lastModifiedBy = 'Nämndplan testdata';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const tables = build(wb);
  for (const ws of wb.worksheets) {
    ws.getColumn(1).width = 60;
    for (let c = 2; c <= 8; c++) ws.getColumn(c).width = 18;
  }
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes: fixZipTimes(raw), tables };
}

/**
 * Sets every zip entry's DOS time and date to 2024-01-01 00:00, in the local headers and the
 * central directory (JSZip stamps the current time; the CRCs do not cover these fields).
 */
function fixZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const dosDate = ((2024 - 1980) << 9) | (1 << 5) | 1;
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('make-fixtures: no end of central directory in ExcelJS output');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('make-fixtures: bad central directory');
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('make-fixtures: bad local header');
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

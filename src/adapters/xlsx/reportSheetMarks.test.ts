/**
 * A workbook saved with the report sheets the pane wrote into it: both readers leave the marked
 * sheets out (their tables would be found and reported a second time) and read a user's own `NP …`
 * sheet like any other.
 */
import * as XLSX from '@e965/xlsx';
import { analyzeWorkbook } from '../../domain/analyze';
import { REPORT_MARKER } from '../../domain/reportMarker';
import { readWorkbook } from './readWorkbook';
import { readWorkbookStream } from './readWorkbookStream';

const TABLE = [
  ['Driftredovisning (tkr)'],
  ['Verksamhet', 'Budget 2023', 'Prognos 2023', 'Avvikelse'],
  ['Förskola', 84200, 86050, -1850],
  ['Grundskola', 120400, 119900, 500],
  ['Summa', 204600, 205950, -1350],
];

function workbook(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(TABLE), 'Drift');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(TABLE), 'NP Driftredovisning');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(TABLE), 'NP Egen');
  wb.Workbook = { Names: [{ Name: REPORT_MARKER, Ref: '"namndplan:1"', Sheet: 1 }] };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test.each([
  ['the byte scanner', (b: Uint8Array) => readWorkbookStream(b, 'plan.xlsx')],
  ['SheetJS', (b: Uint8Array) => Promise.resolve(readWorkbook(b, 'plan.xlsx'))],
])(
  '%s leaves out the sheets marked as Nämndplan’s report, not a user’s NP sheet',
  async (_, read) => {
    const book = await read(workbook());
    expect(book.sheets.map((s) => s.name)).toEqual(['Drift', 'NP Egen']);
    const report = analyzeWorkbook(book);
    // Förskola's −1 850 tkr once per sheet read, not a third time from the report sheet.
    expect(report.variances.filter((v) => v.label === 'Förskola').map((v) => v.sheet)).toEqual([
      'Drift',
      'NP Egen',
    ]);
  },
);

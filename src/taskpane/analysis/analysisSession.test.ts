/**
 * The standalone pane's report workbook (what "Ladda ner rapporten" downloads outside Office) is
 * the CLI's `--out`: the document tables first, then the audit sheets, with the seed's figures.
 * Written by the session's writer (`sessionWorkbook`, over the modules the browser loads lazily:
 * the chunks themselves are what the e2e runs) and read back with the project's own xlsx reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../adapters/xlsx/readWorkbook';
import { readWorkbookFile } from '../../adapters/xlsx/readWorkbookFile';
import { writeReportWorkbook } from '../../adapters/xlsx/writeReportWorkbook';
import { analyzeWorkbook } from '../../domain/analyze';
import type { SheetSnapshot } from '../../domain/grid';
import { buildDocumentTables } from '../../domain/output/documentTables';
import { reportWorkbookSheets } from '../../domain/output/reportWorkbookSheets';
import { createAnalysisSession, sessionWorkbook } from './analysisSession';

const WRITERS = { buildDocumentTables, reportWorkbookSheets, writeReportWorkbook };

const FIXTURES = join(__dirname, '../../../tests/fixtures');
const OPTIONS = { riskThreshold: 12, varianceThresholdPercent: 1 };
const none = (): void => undefined;

/** The first row of `sheet` whose first cell is `label`, as values. */
function rowOf(sheet: SheetSnapshot | undefined, label: string): readonly unknown[] {
  const row = sheet?.values.find((r) => String(r[0] ?? '').trim() === label);
  if (!row) throw new Error(`No row ${label} on ${sheet?.name}`);
  return row;
}

async function download(name: string) {
  const session = createAnalysisSession({
    writeWorkbook: (report, options, sourceFile, snapshot) =>
      sessionWorkbook(WRITERS, report, options, sourceFile, snapshot),
  });
  const file = new Blob([readFileSync(join(FIXTURES, `${name}.xlsx`))]);
  const request = { file, name: `${name}.xlsx`, fileId: 1, riskThreshold: 12 };
  const report = await session.analyse(request, none);
  const bytes = await session.reportWorkbook(report, OPTIONS, `${name}.xlsx`, none);
  const snapshot = await readWorkbookFile(join(FIXTURES, `${name}.xlsx`));
  const cli = reportWorkbookSheets(
    report,
    buildDocumentTables(snapshot, report, { riskThreshold: 12 }),
    OPTIONS,
  );
  return { book: readWorkbook(bytes, 'rapport.xlsx'), cli, report };
}

test('Ale 2024: the downloaded report workbook has the document tables first, Totalt −7 000 tkr', async () => {
  const { book, cli, report } = await download('ale-2024');
  expect(report).toEqual(
    analyzeWorkbook(await readWorkbookFile(join(FIXTURES, 'ale-2024.xlsx')), {
      riskThreshold: 12,
    }),
  );
  // Sheet for sheet the CLI's --out, in its order: documents, then the audit listing.
  expect(book.sheets.map((s) => s.name)).toEqual(cli.map((s) => s.name));
  expect(book.sheets[0]?.name).toBe('NP Driftredovisning');
  expect(book.sheets.findIndex((s) => s.name === 'NP Avvikelser')).toBeGreaterThan(1);
  const drift = book.sheets[0];
  expect(drift?.values[0]?.[0]).toBe('Ekonomisk sammanställning socialnämnden, prognos 2023 (tkr)');
  expect(rowOf(drift, 'Totalt')).toEqual(['Totalt', -683434, -690434, -7000, -1]);
  expect(rowOf(drift, 'Funktionsstöd')).toEqual(['Funktionsstöd', -209491, -217231, -7740, -3.7]);
});

test('Mark 2024: the downloaded workbook holds the 5×5 matrix with the risks’ numbers', async () => {
  const { book } = await download('mark-2024');
  const matrix = book.sheets.find((s) => s.name === 'NP Riskmatris');
  // Risk 1 at sannolikhet 3 × konsekvens 3; risks 3, 4, 5 at 3 × 4; risk 2 at 2 × 2.
  expect(rowOf(matrix, '3 Möjlig').slice(0, 5)).toEqual(['3 Möjlig', null, null, '1', '3, 4, 5']);
  expect(rowOf(matrix, '2 Mindre sannolik')[2]).toBe('2');
  const names = book.sheets.map((s) => s.name);
  expect(names.indexOf('NP Riskmatris')).toBeLessThan(names.indexOf('NP Avvikelser'));
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../adapters/xlsx/readWorkbook';
import { writeReportWorkbook } from '../adapters/xlsx/writeReportWorkbook';
import { buildReportSheets } from '../domain/standardTables';
import { analyzeWorkbook } from '../domain/analyze';
import { createFileHost } from './fileHost';

const ALE = join(__dirname, '../../tests/fixtures/ale-2024.xlsx');

test('reads the picked file with the xlsx reader and downloads the report workbook', async () => {
  const downloads: { name: string; bytes: Uint8Array }[] = [];
  const host = createFileHost({
    readWorkbook: (bytes, name) => Promise.resolve(readWorkbook(bytes, name)),
    // The browser's lazy imports (a chunk each) are what the e2e test runs; jest imports statically.
    buildReportWorkbook: (report, options, source) =>
      writeReportWorkbook(buildReportSheets(report, options), { sourceFile: source }),
    download: (bytes, name) => downloads.push({ name, bytes }),
    reportOptions: () => ({ riskThreshold: 12, varianceThresholdPercent: 1 }),
  });
  expect(host.fileName).toBeNull();
  await expect(host.readWorkbook()).rejects.toThrow('Ingen fil vald.');

  host.setFile('ale-2024.xlsx', new Uint8Array(readFileSync(ALE)));
  const phases: string[] = [];
  const book = await host.readWorkbook((p) => phases.push(p.phase));
  expect(phases).toEqual(['reading']);
  expect(book.name).toBe('ale-2024.xlsx');

  const report = analyzeWorkbook(book, { riskThreshold: 12 });
  const confirm = jest.fn(() => Promise.resolve(true));
  const outcome = await host.writeReport(report, confirm);
  expect(outcome).toEqual({ written: ['ale-2024-rapport.xlsx'], replaced: [], cancelled: false });
  expect(confirm).not.toHaveBeenCalled();
  expect(downloads).toHaveLength(1);
  // The download is a real workbook holding the NP report sheets.
  const back = readWorkbook(downloads[0]!.bytes, 'r.xlsx');
  expect(back.sheets.map((s) => s.name)).toContain('NP Avvikelser');
  expect(await host.selectCell('Ekonomi', 'B12')).toBe(false);
});

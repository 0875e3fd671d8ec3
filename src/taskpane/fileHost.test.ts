import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../adapters/xlsx/readWorkbook';
import { readWorkbookFile } from '../adapters/xlsx/readWorkbookFile';
import { writeReportWorkbook } from '../adapters/xlsx/writeReportWorkbook';
import { analyzeWorkbook } from '../domain/analyze';
import { buildReportSheets } from '../domain/standardTables';
import { createInProcessAnalyzer } from './analysis/inProcessAnalyzer';
import { readPickedFile } from './analysis/readPickedFile';
import { createFileHost } from './fileHost';
import type { Progress } from './host';

const ALE = join(__dirname, '../../tests/fixtures/ale-2024.xlsx');
const aleFile = (): Blob => new Blob([readFileSync(ALE)]);

/** The session's writer with static imports (the worker's lazy chunks are what e2e runs). */
const writeWorkbook = (
  report: Parameters<typeof buildReportSheets>[0],
  options: Parameters<typeof buildReportSheets>[1],
  sourceFile: string,
): Promise<Uint8Array> => writeReportWorkbook(buildReportSheets(report, options), { sourceFile });

test('analyses the picked file as the CLI does and downloads the report workbook', async () => {
  const downloads: { name: string; bytes: Uint8Array }[] = [];
  const host = createFileHost({
    analyzer: createInProcessAnalyzer({ writeWorkbook }),
    download: (bytes, name) => downloads.push({ name, bytes }),
    reportOptions: () => ({ riskThreshold: 12, varianceThresholdPercent: 1 }),
  });
  expect(host.fileName).toBeNull();
  await expect(host.analyseWorkbook({})).rejects.toThrow('Ingen fil vald.');

  host.setFile('ale-2024.xlsx', aleFile());
  const phases: Progress['phase'][] = [];
  const report = await host.analyseWorkbook({ riskThreshold: 12 }, (p) => phases.push(p.phase));
  expect(phases[0]).toBe('reading');
  expect(phases.at(-1)).toBe('analysing');
  expect(report).toEqual(analyzeWorkbook(await readWorkbookFile(ALE), { riskThreshold: 12 }));

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

test('readWorkbook gives the grid the CLI reads', async () => {
  const host = createFileHost({ analyzer: createInProcessAnalyzer() });
  host.setFile('ale-2024.xlsx', aleFile());
  expect(await host.readWorkbook()).toEqual(await readWorkbookFile(ALE));
});

test('a new risk threshold re-runs the engine on what was read; a new file is read anew', async () => {
  const read = jest.fn(readPickedFile);
  const host = createFileHost({ analyzer: createInProcessAnalyzer({ read }) });
  host.setFile('ale-2024.xlsx', aleFile());
  await host.analyseWorkbook({ riskThreshold: 12 });
  const again = await host.analyseWorkbook({ riskThreshold: 6 });
  expect(read).toHaveBeenCalledTimes(1);
  expect(again.workbook).toBe('ale-2024.xlsx');
  host.setFile('ale-2024.xlsx', aleFile());
  await host.analyseWorkbook({ riskThreshold: 6 });
  expect(read).toHaveBeenCalledTimes(2);
});

test('a sheet that cannot be read is an error problem naming it, first', async () => {
  const picked = await readPickedFile(aleFile(), 'ale-2024.xlsx', () => undefined);
  const host = createFileHost({
    analyzer: createInProcessAnalyzer({
      read: () => Promise.resolve({ snapshot: picked.snapshot, unreadable: ['Noter'] }),
    }),
  });
  host.setFile('ale-2024.xlsx', aleFile());
  const report = await host.analyseWorkbook({});
  expect(report.problems[0]).toMatchObject({
    sheet: 'Noter',
    severity: 'error',
    code: 'unreadable-sheet',
  });
});

test('cancel rejects the run under way with AnalysisCancelledError and leaves the host usable', async () => {
  let release: () => void = () => undefined;
  const picked = await readPickedFile(aleFile(), 'ale-2024.xlsx', () => undefined);
  const read = jest
    .fn()
    .mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(picked))))
    .mockResolvedValue(picked);
  const host = createFileHost({ analyzer: createInProcessAnalyzer({ read }) });
  host.setFile('ale-2024.xlsx', aleFile());
  const run = host.analyseWorkbook({});
  host.cancel();
  await expect(run).rejects.toMatchObject({ name: 'AnalysisCancelledError' });
  release();
  host.setFile('ale-2024.xlsx', aleFile());
  expect((await host.analyseWorkbook({})).workbook).toBe('ale-2024.xlsx');
});

test('the goal rule reaches the engine through the analyser: Mark under Svagaste', async () => {
  const host = createFileHost({ analyzer: createInProcessAnalyzer({ writeWorkbook }) });
  const MARK = join(__dirname, '../../tests/fixtures/mark-2024.xlsx');
  host.setFile('mark-2024.xlsx', new Blob([readFileSync(MARK)]));
  const goal = (r: { goals: { text: string; verdict: string }[] }): string | undefined =>
    r.goals.find((g) => g.text === 'Nämndens mål: Bästa barnkommun')?.verdict;
  expect(goal(await host.analyseWorkbook({ riskThreshold: 12 }))).toBe('delvis');
  const worst = await host.analyseWorkbook({ riskThreshold: 12, goals: { rule: 'worst' } });
  expect(goal(worst)).toBe('ej');
  expect(worst.goals[0]?.rule).toBe('worst');
});

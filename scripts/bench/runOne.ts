/**
 * One benchmark measurement in a fresh process, so that its peak memory is its own:
 * `node --expose-gc --import tsx scripts/bench/runOne.ts MODE FILE RUNS [EXPECTED.json]`.
 * Does one warm-up run and RUNS timed runs, then prints one line `BENCH_RESULT {json}`.
 *
 * Modes: `sheetjs` (bare read, `XLSX.read(buffer, { dense: true })`), `sheetjs-raw` (the same
 * without formatted text: `{ dense: true, cellText: false }`, SheetJS's fastest), `exceljs` (bare read,
 * `workbook.xlsx.readFile`), `exceljs-stream` (bare read, streaming `WorkbookReader`), and
 * `product` (the product's `readWorkbookFile` + `analyzeWorkbook`, as the CLI runs them).
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { analyzeWorkbook } from '../../src/domain/analyze';
import type { Report } from '../../src/domain/report';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import type { ModeName, RunResult, ReportSummary } from './types';

async function exceljsStream(path: string): Promise<number> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      cells += values.length;
    }
  }
  return cells;
}

/** The generator's expected status per `Mål` row, when the bench passed its expectations file. */
type StatusByRow = Record<string, string> | null;

function summarise(report: Report, expected: StatusByRow): ReportSummary {
  const statuses: Record<string, number> = {};
  for (const ind of report.indicators) statuses[ind.status] = (statuses[ind.status] ?? 0) + 1;
  const problems: Record<string, number> = {};
  for (const p of report.problems) problems[p.code] = (problems[p.code] ?? 0) + 1;
  const total = report.variances.find((v) => v.sheet === 'Drift' && v.label.trim() === 'Totalt');
  const samples: string[] = [];
  for (const c of report.checks) {
    if (c.severity !== 'mismatch' || samples.length >= 3) continue;
    samples.push(
      `false mismatch ${c.sheet}!${c.cell} ${c.label}: reported ${c.reported}, computed ${c.computed}`,
    );
  }
  let statusDisagreements: number | null = null;
  if (expected) {
    statusDisagreements = 0;
    for (const ind of report.indicators) {
      const want = ind.sheet === 'Mål' ? expected[String(ind.row)] : undefined;
      if (want === undefined || want === ind.status) continue;
      statusDisagreements += 1;
      if (samples.length < 8) {
        samples.push(
          `status ${ind.sheet}!${ind.cell} "${ind.name}" target ${ind.target ?? '–'} outcome ${ind.outcome ?? '–'}: ` +
            `expected ${want}, engine ${ind.status} (${ind.reason})`,
        );
      }
    }
  }
  return {
    tables: report.tables.length,
    variances: report.variances.length,
    indicators: report.indicators.length,
    statuses,
    mismatches: report.checks.filter((c) => c.severity === 'mismatch').length,
    rounding: report.checks.filter((c) => c.severity === 'rounding').length,
    problems,
    totalVariance: total ? total.variance : null,
    statusDisagreements,
    samples,
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) collect();
}

interface OneRun {
  held: unknown;
  readMs: number | null;
  analyzeMs: number | null;
  summary: ReportSummary | null;
  cells: number;
}

/**
 * One run of one mode. Its own function, so that nothing of the run stays alive in the caller's
 * async frame and the next run's heap baseline is clean.
 */
async function runOnce(mode: ModeName, path: string, expected: StatusByRow): Promise<OneRun> {
  const none = { readMs: null, analyzeMs: null, summary: null, cells: 0 };
  switch (mode) {
    case 'sheetjs':
      return { ...none, held: XLSX.read(readFileSync(path), { dense: true }) };
    case 'sheetjs-raw':
      return { ...none, held: XLSX.read(readFileSync(path), { dense: true, cellText: false }) };
    case 'exceljs':
      return { ...none, held: await new ExcelJS.Workbook().xlsx.readFile(path) };
    case 'exceljs-stream':
      return { ...none, held: null, cells: await exceljsStream(path) };
    case 'product': {
      const t0 = performance.now();
      const snapshot = await readWorkbookFile(path);
      const t1 = performance.now();
      const report = analyzeWorkbook(snapshot, { riskThreshold: 12 });
      const t2 = performance.now();
      return {
        held: [snapshot, report],
        readMs: t1 - t0,
        analyzeMs: t2 - t1,
        summary: summarise(report, expected),
        cells: 0,
      };
    }
  }
}

/** The last run's result, alive while its retained heap is measured; nothing else holds it. */
const held: { value: unknown } = { value: null };

/** Times one run; keeps its result only in `held.value`, returns nothing big. */
async function timeOnce(
  mode: ModeName,
  path: string,
  expected: StatusByRow,
): Promise<Omit<OneRun, 'held'> & { elapsedMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = await runOnce(mode, path, expected);
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  held.value = run.held;
  return {
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    readMs: run.readMs,
    analyzeMs: run.analyzeMs,
    summary: run.summary,
    cells: run.cells,
  };
}

async function main(): Promise<void> {
  const [modeArg, path, runsArg, expectedPath] = process.argv.slice(2);
  const mode = modeArg as ModeName;
  if (!path || !['sheetjs', 'sheetjs-raw', 'exceljs', 'exceljs-stream', 'product'].includes(mode)) {
    throw new Error(
      'usage: runOne.ts sheetjs|sheetjs-raw|exceljs|exceljs-stream|product FILE [RUNS] [EXPECTED.json]',
    );
  }
  const runs = Math.max(1, Number(runsArg ?? 3));
  const expected = expectedPath
    ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as { statusByRow: Record<string, string> })
        .statusByRow
    : null;

  const times: number[] = [];
  const cpuTimes: number[] = [];
  const readTimes: number[] = [];
  const analyzeTimes: number[] = [];
  let heapAfterRun = 0;
  let retainedHeap = 0;
  let summary: ReportSummary | null = null;
  let cells = 0;

  // Timed runs (after one warm-up) with no forced collection between them: `gc()` from
  // --expose-gc is a memory-reducing collection that also drops the compiled code's type
  // feedback, so forcing one before every run would time code that keeps falling back to the
  // interpreter, which no real run of the command does.
  for (let i = 0; i <= runs; i += 1) {
    held.value = null;
    const run = await timeOnce(mode, path, expected);
    cells = run.cells;
    summary = run.summary ?? summary;
    if (i === 0) continue; // warm-up
    times.push(run.elapsedMs);
    cpuTimes.push(run.cpuMs);
    if (run.readMs !== null) readTimes.push(run.readMs);
    if (run.analyzeMs !== null) analyzeTimes.push(run.analyzeMs);
  }
  // Memory in one more run of its own, between forced collections.
  held.value = null;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  await timeOnce(mode, path, expected);
  heapAfterRun = process.memoryUsage().heapUsed - heapBefore;
  gc();
  retainedHeap = process.memoryUsage().heapUsed - heapBefore;

  held.value = null;
  const result: RunResult = {
    mode,
    runsMs: times,
    medianMs: median(times),
    cpuRunsMs: cpuTimes,
    cpuMedianMs: median(cpuTimes),
    readMs: readTimes.length ? median(readTimes) : null,
    analyzeMs: analyzeTimes.length ? median(analyzeTimes) : null,
    // ru_maxrss: the kernel's own peak, which sees inside synchronous reads a timer cannot.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapAfterRunMB: heapAfterRun / 2 ** 20,
    retainedHeapMB: retainedHeap / 2 ** 20,
    summary,
    cells: mode === 'exceljs-stream' ? cells : null,
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

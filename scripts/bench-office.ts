/**
 * Bench of the Office adapter over the in-memory Excel: reads 10 000- and 100 000-row workbooks
 * (analysing them too) and writes a report of comparable size, printing syncs, the largest
 * single request/response, and syncs per MB moved. Run: `npx tsx scripts/bench-office.ts`
 * (`--analyse` also times `analyzeWorkbook` on each snapshot; slow at 100 000 rows today).
 *
 * What must hold: no request or response ever nears 5 MB (they stay under the 4 MB budget), and
 * syncs are a constant (3 to read, 2–3 to write) plus one per ~2 MB (read) / ~4 MB (write) of
 * data, so syncs per MB stay bounded as rows grow, and the count never depends on sheet count.
 */
import { pathToFileURL } from 'node:url';
import {
  createFakeRun,
  FakeWorkbookModel,
  type FakeWorkbookFixture,
} from '../src/adapters/office/fake';
import type { ExcelRun } from '../src/adapters/office/excelHost';
import { readWorkbookFromExcel } from '../src/adapters/office/readWorkbook';
import { writeReportSheets } from '../src/adapters/office/writeReportSheets';
import { analyzeWorkbook } from '../src/domain/analyze';
import type { Report, Variance } from '../src/domain/report';
import { buildReportSheets } from '../src/domain/standardTables';

/** One measured phase. */
export interface PhaseFigures {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Request plus response bytes over all syncs, in MB. */
  megabytes: number;
  ms: number;
}

export interface OfficeBenchResult {
  rows: number;
  sheets: number;
  read: PhaseFigures;
  analyseMs: number;
  write: PhaseFigures;
}

/** A budget workbook: `sheets` sheets sharing `rows` rows of verksamhet, budget, utfall, … */
function workbook(rows: number, sheets: number): FakeWorkbookFixture {
  const per = Math.ceil(rows / sheets);
  return {
    name: `bench-${rows}.xlsx`,
    sheets: Array.from({ length: sheets }, (_, s) => {
      const values: (string | number | null)[][] = [
        ['Verksamhet (tkr)', 'Budget 2023', 'Utfall 2023', 'Avvikelse', 'Avvikelse %', 'Kommentar'],
      ];
      const formats: (string | null)[][] = [
        ['General', 'General', 'General', 'General', 'General', 'General'],
      ];
      for (let r = 0; r < Math.min(per, rows - s * per); r++) {
        const budget = 1000 + ((r * 37) % 9000);
        const actual = budget + ((r * 13) % 200) - 100;
        values.push([
          `Verksamhet ${s + 1}.${r + 1}`,
          budget,
          actual,
          budget - actual,
          ((budget - actual) / budget) * 100,
          r % 10 === 0 ? 'Ökade kostnader för köpt vård' : null,
        ]);
        formats.push(['General', '#,##0', '#,##0', '#,##0', '0.0', 'General']);
      }
      return { name: `Drift ${s + 1}`, values, formats };
    }),
  };
}

/** A report with `rows` variances (the size of the report sheets scales with the workbook). */
function report(rows: number): Report {
  const variances: Variance[] = Array.from({ length: rows }, (_, r) => ({
    sheet: 'Drift 1',
    row: r + 2,
    cell: `C${r + 2}`,
    label: `Verksamhet 1.${r + 1}`,
    baseline: 'Budget 2023',
    actual: 'Utfall 2023',
    baselineValue: 1000 + ((r * 37) % 9000),
    actualValue: 1000 + ((r * 37) % 9000) + ((r * 13) % 200) - 100,
    variance: 100 - ((r * 13) % 200),
    variancePercent: -1.5,
    unit: 'tkr',
    reported: null,
    check: null,
    kind: 'budget',
    comment: null,
  }));
  return {
    schemaVersion: 1,
    template: null,
    workbook: 'bench.xlsx',
    tables: [],
    variances,
    indicators: [],
    goals: [],
    risks: [],
    checks: [],
    problems: [],
  };
}

function figures(model: FakeWorkbookModel, ms: number): PhaseFigures {
  const s = model.stats();
  const bytes = model.syncLog.reduce((n, x) => n + x.requestBytes + x.responseBytes, 0);
  return {
    syncs: s.syncs,
    maxRequestBytes: s.maxRequestBytes,
    maxResponseBytes: s.maxResponseBytes,
    megabytes: bytes / 1e6,
    ms,
  };
}

/** Reads, analyses and writes at one size; returns the figures. */
export async function benchOffice(
  rows: number,
  sheets = 1,
  analyse = false,
): Promise<OfficeBenchResult> {
  const model = FakeWorkbookModel.fromFixture(workbook(rows, sheets));
  const run = createFakeRun(model) as unknown as ExcelRun;
  let t = performance.now();
  const snapshot = await run((ctx) =>
    readWorkbookFromExcel(ctx, undefined, { workbookName: 'bench.xlsx' }),
  );
  const read = figures(model, performance.now() - t);
  t = performance.now();
  if (analyse) analyzeWorkbook(snapshot, { riskThreshold: 12 });
  const analyseMs = analyse ? performance.now() - t : Number.NaN;
  model.resetStats();
  const sheetsOut = buildReportSheets(report(rows), {
    riskThreshold: 12,
    varianceThresholdPercent: 1,
  });
  t = performance.now();
  await run((ctx) => writeReportSheets(ctx, sheetsOut, () => Promise.resolve(true)));
  const write = figures(model, performance.now() - t);
  return { rows, sheets, read, analyseMs, write };
}

const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;

/** Prints a table for 10 000 and 100 000 rows (and 10 sheets for the same rows). */
export async function printOfficeBench(analyse = false): Promise<void> {
  console.log('Office adapter over the in-memory Excel (limit 5 MB per request/response)');
  console.log(
    'rows     sheets  phase  syncs  largest request  largest response  MB moved  syncs/MB   ms',
  );
  for (const [rows, sheets] of [
    [10_000, 1],
    [10_000, 10],
    [100_000, 1],
    [100_000, 10],
  ] as const) {
    const r = await benchOffice(rows, sheets, analyse);
    for (const [phase, f] of [
      ['read', r.read],
      ['write', r.write],
    ] as const) {
      console.log(
        `${String(rows).padEnd(8)} ${String(sheets).padEnd(7)} ${phase.padEnd(6)} ${String(f.syncs).padStart(5)}  ${kb(f.maxRequestBytes).padStart(15)}  ${kb(f.maxResponseBytes).padStart(16)}  ${f.megabytes.toFixed(1).padStart(8)}  ${(f.syncs / Math.max(1, f.megabytes)).toFixed(2).padStart(8)}  ${f.ms.toFixed(0).padStart(5)}`,
      );
    }
    if (analyse) {
      console.log(
        `${String(rows).padEnd(8)} ${String(sheets).padEnd(7)} analyse ${r.analyseMs.toFixed(0)} ms`,
      );
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printOfficeBench(process.argv.includes('--analyse')).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

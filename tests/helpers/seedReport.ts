/**
 * A report the engine makes of two seed workbooks, for the report writers' tests, so every figure
 * they write can be checked against the seed documents: Alingsås 2023 (drift and investments in
 * tkr, indicators met, not met and unclear, checks among them Reinvestering's Delårsbokslut 246
 * against parts that add up to 276) and Mark 2024 (drift in mnkr with one decimal, indicators
 * against Mål 2023, internal-control risks with riskvärde 9, 4, 12, 12, 12).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { analyzeWorkbook } from '../../src/domain/analyze';
import type { Report } from '../../src/domain/report';

const FIXTURES = join(resolve(__dirname, '..', '..'), 'tests', 'fixtures');

function analyse(file: string): Report {
  const bytes = readFileSync(join(FIXTURES, file));
  return analyzeWorkbook(
    readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file),
    { riskThreshold: 12 },
  );
}

/**
 * The same report with every sheet name prefixed (`Ekonomi` → `Mark Ekonomi`), so two workbooks'
 * sheets of the same name stay apart in one report.
 */
function renamed(report: Report, prefix: string): Report {
  const sheet = <T extends { sheet: string | null }>(x: T): T => ({
    ...x,
    sheet: x.sheet === null ? null : `${prefix}${x.sheet}`,
  });
  return {
    ...report,
    tables: report.tables.map(sheet),
    variances: report.variances.map(sheet),
    indicators: report.indicators.map(sheet),
    goals: report.goals.map(sheet),
    risks: report.risks.map(sheet),
    checks: report.checks.map(sheet),
    problems: report.problems.map(sheet),
  };
}

/** Alingsås 2023's report followed by Mark 2024's (its sheets named `Mark Ekonomi`, …). */
export function seedReport(): Report {
  const alingsas = analyse('alingsas-2023.xlsx');
  const mark = renamed(analyse('mark-2024.xlsx'), 'Mark ');
  return {
    schemaVersion: 1,
    template: null,
    workbook: alingsas.workbook,
    tables: [...alingsas.tables, ...mark.tables],
    variances: [...alingsas.variances, ...mark.variances],
    indicators: [...alingsas.indicators, ...mark.indicators],
    goals: [...alingsas.goals, ...mark.goals],
    risks: [...alingsas.risks, ...mark.risks],
    checks: [...alingsas.checks, ...mark.checks],
    problems: [...alingsas.problems, ...mark.problems],
  };
}

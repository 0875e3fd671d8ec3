/**
 * The seed workbooks as LibreOffice, an independent spreadsheet program, saves them: its own XML
 * (shared strings, styles, `<f>` and `<v>` written its way). The CLI's streaming reader must read
 * them exactly as SheetJS does, without falling back, and the analysis must find what it finds in
 * the originals: the same variances, statuses, checks, risks and problems, cell for cell.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { readWorkbookStream } from '../../src/adapters/xlsx/readWorkbookStream';
import { analyzeWorkbook } from '../../src/domain/analyze';
import type { Report } from '../../src/domain/report';

const FIXTURES = join(resolve(__dirname, '..', '..'), 'tests', 'fixtures');
const SEEDS = ['ale-2018', 'ale-2024', 'alingsas-2023', 'mark-2024', 'mellerud-2023'];
const hasSoffice = spawnSync('which', ['soffice']).status === 0;
let dir = '';

beforeAll(() => {
  if (!hasSoffice) {
    // CI installs LibreOffice (.ci/run); there its absence is a failure, not a skip.
    if (process.env.CI)
      throw new Error('soffice (LibreOffice) missing: apt-get install libreoffice-calc-nogui');
    console.warn('VARNING: soffice (LibreOffice) saknas; LibreOffice-testet hoppas över.');
    return;
  }
  dir = mkdtempSync(join(tmpdir(), 'np-lo-xlsx-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      join(dir, 'out'),
      ...SEEDS.map((s) => join(FIXTURES, `${s}.xlsx`)),
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
}, 200_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function bytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** What a person checks in a report, by cell. */
function findings(r: Report): unknown {
  return {
    variances: r.variances.map((v) => [v.sheet, v.cell, v.variance, v.variancePercent, v.check]),
    indicators: r.indicators.map((i) => [i.sheet, i.cell, i.status, i.outcome, i.target]),
    checks: r.checks.map((c) => [c.sheet, c.cell, c.kind, c.reported, c.computed, c.severity]),
    risks: r.risks.map((k) => [k.sheet, k.cell, k.value, k.inPlan]),
    problems: r.problems.map((p) => [p.sheet, p.cell, p.code]),
  };
}

describe.each(SEEDS)('%s saved by LibreOffice', (seed) => {
  it('is streamed exactly as SheetJS reads it, and analysed as the original', async () => {
    if (!hasSoffice) return;
    const saved = bytes(join(dir, 'out', `${seed}.xlsx`));
    const fallbacks: string[] = [];
    const streamed = await readWorkbookStream(saved, `${seed}.xlsx`, {
      onFallback: (reason) => fallbacks.push(reason),
    });
    expect(fallbacks).toEqual([]);
    expect(streamed).toEqual(readWorkbook(saved, `${seed}.xlsx`));
    const original = analyzeWorkbook(readWorkbook(bytes(join(FIXTURES, `${seed}.xlsx`)), seed));
    const report = analyzeWorkbook(streamed);
    expect(report.variances.length + report.indicators.length).toBeGreaterThan(0);
    expect(findings(report)).toEqual(findings(original));
  });
});

/**
 * `namndplan template` and `namndplan analyze` on a template, through `runCli`: the template is
 * written through the CLI's output writing (the input never overwritten), and the summary of a
 * template starts with its completeness and gaps.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/runCli';
import { DRIFT, FIRST_ROW, SHEET_NAMES } from '../../src/domain/templates/templateModel';

const MARK = join(resolve(__dirname, '..', '..'), 'tests', 'fixtures', 'mark-2024.xlsx');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'np-mall-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { code, out, err };
}

it('writes a template pre-filled from a workbook, and analyze leads with its completeness', async () => {
  const mall = join(dir, 'mall.xlsx');
  const made = await run(['template', '--out', mall, '--from', MARK, '--period', 'delår 2025']);
  expect(made).toMatchObject({ code: 0, err: '' });
  expect(made.out).toMatch(/^Mall: .*mall\.xlsx \(delår 2025; förifylld med \d+ verksamheter/);
  const analysed = await run(['analyze', mall]);
  expect(analysed.code).toBe(0);
  const lines = analysed.out.split('\n');
  expect(lines[1]).toMatch(/^Mall: \d+,\d % ifylld \(\d+ av \d+ obligatoriska celler\)$/);
  expect(analysed.out).toContain('Uppföljning drift!C5  Utfall delår 2025 saknas för');
  const json = await run(['analyze', mall, '--json', '-']);
  const report = JSON.parse(json.out) as { template: { completeness: number } | null };
  expect(report.template?.completeness).toBeGreaterThan(0);
});

it('writes an empty template without --from', async () => {
  const mall = join(dir, 'tom.xlsx');
  expect((await run(['template', '--out', mall])).code).toBe(0);
  expect(statSync(mall).size).toBeGreaterThan(0);
});

it('refuses the input as the output, and a missing --out', async () => {
  const before = readFileSync(MARK);
  const same = await run(['template', '--out', MARK, '--from', MARK]);
  expect(same.code).toBe(1);
  expect(same.err).toMatch(/är indatafilen/);
  expect(readFileSync(MARK).equals(before)).toBe(true);
  expect((await run(['template', '--from', MARK])).err).toMatch(/ange mallens fil/);
});

/** Fills Mark's drift lines: outcome, forecast = budget, the first line 3 mnkr better (1,3 %). */
async function fillDrift(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const ws = book.getWorksheet(SHEET_NAMES['uppfoljning-drift']);
  for (let r = FIRST_ROW; r < FIRST_ROW + 3; r++) {
    const budget = Number(ws?.getCell(r, DRIFT.budget).value);
    ws!.getCell(r, DRIFT.outcome).value = budget / 2;
    ws!.getCell(r, DRIFT.forecast).value = r === FIRST_ROW ? budget + 3 : budget;
  }
  await book.xlsx.writeFile(path);
}

async function commentGaps(path: string): Promise<string[]> {
  const json = await run(['analyze', path, '--json', '-']);
  const report = JSON.parse(json.out) as {
    template: { gaps: { kind: string; cell: string }[] } | null;
  };
  return (report.template?.gaps ?? [])
    .filter((g) => g.kind === 'comment-required')
    .map((g) => g.cell);
}

it('--threshold-amount and --threshold-percent are written into the template and used when it is checked', async () => {
  const standard = join(dir, 'standard.xlsx');
  const wide = join(dir, 'vid.xlsx');
  expect((await run(['template', '--out', standard, '--from', MARK])).code).toBe(0);
  const made = await run([
    'template',
    '--out',
    wide,
    '--from',
    MARK,
    '--threshold-amount',
    '5',
    '--threshold-percent',
    '2,5',
  ]);
  expect(made).toMatchObject({ code: 0, err: '' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(wide);
  expect(book.getWorksheet(SHEET_NAMES['uppfoljning-drift'])?.getCell('A2').text ?? '').toContain(
    'minst 5 mnkr eller minst 2,5 %',
  );
  await fillDrift(standard);
  await fillDrift(wide);
  // Funktionsstöd 3 mnkr (1,3 %) better than budget: past the default 0,5 mnkr, within 5 mnkr and 2,5 %.
  expect(await commentGaps(standard)).toEqual(['G5']);
  expect(await commentGaps(wide)).toEqual([]);
});

it('refuses a threshold that is no number, in Swedish', async () => {
  const bad = await run(['template', '--out', join(dir, 'x.xlsx'), '--threshold-amount', 'mycket']);
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(
    /--threshold-amount ska vara ett belopp i mallens enhet, till exempel 500 eller 0,5, inte mycket/,
  );
  const percent = await run([
    'template',
    '--out',
    join(dir, 'x.xlsx'),
    '--threshold-percent',
    '5000',
  ]);
  expect(percent.err).toMatch(/--threshold-percent ska vara en procentsats/);
});

/**
 * `namndplan template` and `namndplan analyze` on a template, through `runCli`: the template is
 * written through the CLI's output writing (the input never overwritten), and the summary of a
 * template starts with its completeness and gaps.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/runCli';

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

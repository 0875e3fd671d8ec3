/** What the command says it is doing, for a terminal watching standard error. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli, type CliIo } from '../../src/cli/runCli';

const fixture = join(resolve(__dirname, '..', '..'), 'tests', 'fixtures', 'mellerud-2023.xlsx');

function io(): CliIo & { steps: (string | null)[]; err: string[] } {
  const steps: (string | null)[] = [];
  const err: string[] = [];
  return {
    steps,
    err,
    stdout: () => undefined,
    stderr: (text) => void err.push(text),
    progress: (step) => void steps.push(step),
  };
}

describe('namndplan progress', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'np-progress-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads, analyses and writes in that order, then clears the line', async () => {
    const out = io();
    const code = await runCli(['analyze', fixture, '--out', join(dir, 'rapport.xlsx')], out);
    expect(code).toBe(0);
    expect(out.steps).toEqual([
      'läser mellerud-2023.xlsx',
      'analyserar mellerud-2023.xlsx',
      'skriver rapport.xlsx',
      null,
    ]);
  });

  it('clears the line before an error, so the error stands alone', async () => {
    const out = io();
    const code = await runCli(['analyze', join(dir, 'saknas.xlsx')], out);
    expect(code).toBe(2);
    expect(out.steps).toEqual(['läser saknas.xlsx', null]);
    expect(out.err).toEqual(['namndplan: saknas.xlsx: finns inte\n']);
  });
});

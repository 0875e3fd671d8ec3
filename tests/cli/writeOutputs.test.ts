/**
 * Regression tests for issue 12 item 7: `--json` was written before a failing `--out`, so a run
 * that exited 1 left a new report behind or replaced an older one. All outputs land or none.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputWriteError } from '../../src/errors';
import { outputTarget } from '../../src/cli/outputTargets';
import { writeOutputs } from '../../src/cli/writeOutputs';

describe('writeOutputs: all outputs of a run land together or none does', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'np-outputs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a rename that fails after another succeeded puts the first back as it was', async () => {
    writeFileSync(join(dir, 'rapport.json'), 'gammal');
    const json = await outputTarget(join(dir, 'rapport.json'));
    const out = await outputTarget(join(dir, 'rapport.xlsx'));
    // Between planning and writing, something else takes the second path.
    mkdirSync(join(dir, 'rapport.xlsx'));
    const error: unknown = await writeOutputs(
      [
        { target: json, data: 'ny' },
        { target: out, data: 'ny arbetsbok' },
      ],
      () => undefined,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect(readFileSync(join(dir, 'rapport.json'), 'utf8')).toBe('gammal');
    expect(readdirSync(dir).sort()).toEqual(['rapport.json', 'rapport.xlsx']);
  });

  it('writes every output, leaving no temporary file or backup', async () => {
    writeFileSync(join(dir, 'a.json'), 'gammal');
    const targets = await Promise.all([
      outputTarget(join(dir, 'a.json')),
      outputTarget(join(dir, 'b.xlsx')),
    ]);
    const printed: (string | Uint8Array)[] = [];
    await writeOutputs(
      [
        { target: targets[0], data: 'ny' },
        { target: targets[1], data: new Uint8Array([1, 2, 3]) },
        { target: await outputTarget('-'), data: '{}\n' },
      ],
      (text) => void printed.push(text),
    );
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('ny');
    expect([...readFileSync(join(dir, 'b.xlsx'))]).toEqual([1, 2, 3]);
    expect(printed).toEqual(['{}\n']);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.xlsx']);
  });
});

describe('writeOutputs never replaces a file made read-only after the run began', () => {
  it('refuses at the rename, leaving the file and no temporary one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'np-outputs-'));
    try {
      writeFileSync(join(dir, 'r.json'), 'gammal');
      const target = await outputTarget(join(dir, 'r.json'));
      chmodSync(join(dir, 'r.json'), 0o444);
      await expect(writeOutputs([{ target, data: 'ny' }], () => undefined)).rejects.toThrow(
        /filen är skrivskyddad/,
      );
      expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('gammal');
      expect(readdirSync(dir)).toEqual(['r.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

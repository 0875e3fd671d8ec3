/**
 * Issue 13, item 4: a quick start. ExcelJS and `docx` are most of the command's code; an analysis
 * printed or written as JSON must never load them, and each output that needs one loads it (and
 * only it). Run as users run it: the bundle that `scripts/build-cli.mjs` builds, in a child
 * process, told by a preloaded hook which files Node loaded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const seed = join(root, 'tests', 'fixtures', 'ale-2024.xlsx');
let dir: string;
let cli: string;
let hook: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'np-lazy-'));
  cli = join(dir, 'cli.js');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), cli], { stdio: 'pipe' });
  hook = join(dir, 'loaded-hook.cjs');
  // Every file Node's CommonJS loader read, written when the process ends.
  writeFileSync(
    hook,
    "process.on('exit', () => require('fs').writeFileSync(process.env.NP_LOADED, " +
      'JSON.stringify(Object.keys(require.cache))));\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command with `args` in the temp dir; the bundle's files it loaded, by name. */
function loaded(args: readonly string[]): { status: number | null; files: string[] } {
  const list = join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, ['--require', hook, cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NP_LOADED: list },
  });
  const files = (JSON.parse(readFileSync(list, 'utf8')) as string[])
    .filter((f) => f.startsWith(dir))
    .map((f) => basename(f))
    .filter((f) => f !== basename(hook))
    .sort();
  return { status: r.status, files };
}

describe('the writers are loaded only when an output asks for them', () => {
  it('the command bundle holds neither ExcelJS nor docx; their files do', () => {
    const main = readFileSync(cli, 'utf8');
    expect(main).not.toMatch(/node_modules\/exceljs\//);
    expect(main).not.toMatch(/node_modules\/docx\//);
    expect(readFileSync(join(dir, 'excel-writers.js'), 'utf8')).toMatch(/node_modules\/exceljs\//);
    expect(readFileSync(join(dir, 'docx-writer.js'), 'utf8')).toMatch(/node_modules\/docx\//);
  });

  it('analyze SEED --json - loads the command alone', () => {
    expect(loaded(['analyze', seed, '--json', '-'])).toEqual({ status: 0, files: ['cli.js'] });
  });

  it('the summary loads the command alone', () => {
    expect(loaded(['analyze', seed])).toEqual({ status: 0, files: ['cli.js'] });
  });

  it('--out loads the ExcelJS writers, not docx', () => {
    expect(loaded(['analyze', seed, '--out', 'r.xlsx'])).toEqual({
      status: 0,
      files: ['cli.js', 'excel-writers.js'],
    });
  });

  it('--docx loads the Word writer, not ExcelJS', () => {
    expect(loaded(['analyze', seed, '--docx', 'r.docx'])).toEqual({
      status: 0,
      files: ['cli.js', 'docx-writer.js'],
    });
  });

  it('template loads the ExcelJS writers', () => {
    const r = loaded(['template', '--out', 'mall.xlsx']);
    expect(r).toEqual({ status: 0, files: ['cli.js', 'excel-writers.js'] });
  });
});

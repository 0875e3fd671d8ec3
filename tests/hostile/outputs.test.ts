/**
 * The hostile-output suite (issue 12 items 1 and 7): output paths that are no plain file, or
 * cannot be written. Only a regular file (or a new path) is ever replaced, and atomically; a
 * device, a pipe or `/dev/stdout` is written to as a stream; a read-only target is refused with
 * exit 1 and one line; and all outputs of a run land together or none does.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  createReadStream,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawXlsx } from '../cli/helpers/rawXlsx';
import { twoSheets } from './helpers/hostileWorkbooks';
import { buildCli, checkReportWorkbook, dirState, run, type BuiltCli } from './helpers/runner';

const isRoot = process.getuid?.() === 0;

describe('namndplan on hostile output paths', () => {
  let base: string;
  let built: BuiltCli;
  let dir: string;
  const plan = rawXlsx(twoSheets());

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'np-hostile-out-'));
    built = buildCli(base);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(join(base, 'case-'));
    writeFileSync(join(dir, 'plan.xlsx'), plan);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the command, expecting a refusal that changed nothing in `dir`. */
  function refused(args: string[], says: RegExp): void {
    const before = dirState(dir);
    const r = run(built, ['analyze', 'plan.xlsx', ...args], dir);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 1, stdout: '' });
    expect(r.stderr).toMatch(/^namndplan: [^\n]*\n$/);
    expect(r.stderr).toMatch(says);
    expect(dirState(dir)).toEqual(before);
  }

  it('--json onto a character device writes to it as a stream and leaves it a device', () => {
    // As root, /dev/null itself used to be replaced by a regular file: a device node of our own.
    let device = '/dev/null';
    if (isRoot) {
      device = join(dir, 'null');
      if (spawnSync('mknod', [device, 'c', '1', '3']).status !== 0) return;
    }
    const r = run(built, ['analyze', 'plan.xlsx', '--json', device], dir);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(statSync(device).isCharacterDevice()).toBe(true);
  });

  it('--json /dev/stdout is standard output, not a file renamed over it', () => {
    const r = run(built, ['analyze', 'plan.xlsx', '--json', '/dev/stdout', '--summary'], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ workbook: 'plan.xlsx' });
    expect(r.stderr).toMatch(/^Nämndplan: plan\.xlsx\n/); // the summary, beside the JSON
  });

  it('--out /dev/stdout streams the workbook to standard output', () => {
    const r = spawnSync(
      process.execPath,
      [built.cli, 'analyze', 'plan.xlsx', '--out', '/dev/stdout'],
      {
        cwd: dir,
      },
    );
    expect([r.status, r.stderr.toString()]).toEqual([0, '']);
    checkReportWorkbook(r.stdout);
    refused(['--json', '-', '--out', '/dev/stdout'], /kan inte båda skrivas till standard ut/);
  });

  it('--out onto a named pipe streams the workbook to its reader', async () => {
    const fifo = join(dir, 'ror');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const child = spawn(process.execPath, [built.cli, 'analyze', 'plan.xlsx', '--out', fifo], {
      cwd: dir,
    });
    const chunks: Buffer[] = [];
    for await (const chunk of createReadStream(fifo)) chunks.push(chunk as Buffer);
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(status).toBe(0);
    checkReportWorkbook(Buffer.concat(chunks));
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('--out onto a named pipe nobody reads is refused at once, not waited on for ever', () => {
    const fifo = join(dir, 'ror');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    refused(
      ['--out', 'ror', '--json', 'r.json'],
      /Kunde inte skriva ror: ingen tar emot det som skrivs/,
    );
  });

  it('a read-only --out file is refused (was: silently replaced), and no --json is written', () => {
    writeFileSync(join(dir, 'rapport.xlsx'), 'gammal rapport');
    chmodSync(join(dir, 'rapport.xlsx'), 0o444);
    refused(
      ['--json', 'rapport.json', '--out', 'rapport.xlsx'],
      /rapport\.xlsx: filen är skrivskyddad/,
    );
  });

  it('a read-only --json file is refused', () => {
    writeFileSync(join(dir, 'rapport.json'), '{}');
    chmodSync(join(dir, 'rapport.json'), 0o400);
    refused(['--json', 'rapport.json'], /Kunde inte skriva rapport\.json: filen är skrivskyddad/);
  });

  it('a failing --out leaves no new --json behind and an older one unchanged', () => {
    refused(['--json', 'ny.json', '--out', join('saknas', 'r.xlsx')], /mappen finns inte/);
    writeFileSync(join(dir, 'gammal.json'), '{"gammal":true}');
    refused(['--json', 'gammal.json', '--out', join('saknas', 'r.xlsx')], /mappen finns inte/);
  });

  it('a stream that fails (/dev/full) leaves no --out behind', () => {
    if (!statSync('/dev/full', { throwIfNoEntry: false })?.isCharacterDevice()) return;
    refused(['--json', '/dev/full', '--out', 'rapport.xlsx'], /\/dev\/full: disken är full/);
  });

  it('a directory as --out is refused', () => {
    mkdirSync(join(dir, 'rapport.xlsx'));
    refused(['--out', 'rapport.xlsx'], /rapport\.xlsx: det är en mapp/);
  });

  it('a symbolic link is followed: the link stays, the file it names gets the report', () => {
    mkdirSync(join(dir, 'ut'));
    writeFileSync(join(dir, 'ut', 'verklig.json'), 'gammal');
    symlinkSync(join('ut', 'verklig.json'), join(dir, 'rapport.json'));
    const r = run(built, ['analyze', 'plan.xlsx', '--json', 'rapport.json'], dir);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(lstatSync(join(dir, 'rapport.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'rapport.json'))).toBe(join('ut', 'verklig.json'));
    expect(JSON.parse(readFileSync(join(dir, 'ut', 'verklig.json'), 'utf8'))).toMatchObject({
      workbook: 'plan.xlsx',
    });
  });

  it('a link to nothing is refused, not made into a file', () => {
    symlinkSync('finns-inte.json', join(dir, 'rapport.json'));
    refused(['--json', 'rapport.json'], /länken pekar på något som inte finns/);
  });

  it('--json and --out naming one file two ways are refused', () => {
    refused(['--json', 'r.json', '--out', './r.json'], /--json och --out kan inte vara samma fil/);
  });

  it('an --out that is a hard link to the input is refused, the input unchanged', () => {
    linkSync(join(dir, 'plan.xlsx'), join(dir, 'kopia.xlsx'));
    refused(['--out', 'kopia.xlsx'], /kopia\.xlsx är indatafilen/);
  });

  it('an existing report is replaced atomically, keeping its permissions, no temporary file left', () => {
    writeFileSync(join(dir, 'rapport.xlsx'), 'gammal rapport');
    chmodSync(join(dir, 'rapport.xlsx'), 0o640);
    const before = statSync(join(dir, 'rapport.xlsx'));
    const r = run(
      built,
      ['analyze', 'plan.xlsx', '--out', 'rapport.xlsx', '--json', 'r.json'],
      dir,
    );
    expect([r.status, r.stderr]).toEqual([0, '']);
    const after = statSync(join(dir, 'rapport.xlsx'));
    expect(after.ino).not.toBe(before.ino); // a new file renamed over the old one
    expect(after.mode & 0o777).toBe(0o640);
    checkReportWorkbook(readFileSync(join(dir, 'rapport.xlsx')));
    expect(Object.keys(dirState(dir)).sort()).toEqual(['plan.xlsx', 'r.json', 'rapport.xlsx']);
  });
});

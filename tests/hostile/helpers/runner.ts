/**
 * Runs the built `namndplan` command as users run it (a child process) and measures it: wall
 * time, and peak memory through a preloaded probe that writes the process's peak resident memory
 * (`VmHWM`) on exit. Also snapshots a directory, so a test can say nothing in it was created or changed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { entryData, readZipEntries } from '../../../src/adapters/xlsx/zipArchive';
import { SaxesParser } from 'saxes';

const ROOT = resolve(__dirname, '..', '..', '..');

/** What one run did. */
export interface RunResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** Peak resident memory in MiB, or null when the process died before it could say. */
  readonly peakMiB: number | null;
}

/** The command built into `dir` (cli.js) and the memory probe beside it. */
export interface BuiltCli {
  readonly cli: string;
  readonly probe: string;
}

/** Builds the command into `dir` with the project's own build script. */
export function buildCli(dir: string): BuiltCli {
  const cli = join(dir, 'cli.js');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), cli], { stdio: 'pipe' });
  const probe = join(dir, 'peak-probe.cjs');
  // VmHWM is the peak of this process's own memory; maxRSS (elsewhere than Linux) may include the
  // parent's at fork.
  writeFileSync(
    probe,
    "process.on('exit', () => { try { const fs = require('fs'); let kb = process.resourceUsage().maxRSS;\n" +
      "  try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}\n" +
      '  fs.writeFileSync(process.env.NP_PEAK_FILE, String(kb)); } catch {} });\n',
  );
  return { cli, probe };
}

/** Runs `namndplan ARGS` in `cwd`, killed after `timeoutSeconds`. */
export function run(
  built: BuiltCli,
  args: readonly string[],
  cwd: string,
  timeoutSeconds = 60,
): RunResult {
  const peakFile = join(cwd, `.peak-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', built.probe, built.cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NP_PEAK_FILE: peakFile },
    timeout: timeoutSeconds * 1000,
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMiB: number | null = null;
  try {
    peakMiB = Math.round(Number(readFileSync(peakFile, 'utf8')) / 1024);
    rmSync(peakFile);
  } catch {
    peakMiB = null;
  }
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr,
    seconds,
    peakMiB,
  };
}

/** Every entry of `dir` (not descending) with its kind, mode and, for files, content hash. */
export function dirState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.peak-')) continue;
    const path = join(dir, name);
    const info = lstatSync(path);
    const kind = info.isFile()
      ? `file ${hashFile(path, info.size)}`
      : info.isSymbolicLink()
        ? 'link'
        : info.isDirectory()
          ? 'dir'
          : 'other';
    state[name] = `${kind} ${(info.mode & 0o7777).toString(8)} ${info.ino}`;
  }
  return state;
}

/** sha256 of a file; of its size and first MiB for files past 64 MiB (sparse test files). */
export function hashFile(path: string, size: number): string {
  const hash = createHash('sha256');
  if (size > 64 * 2 ** 20) {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(2 ** 20);
      hash.update(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
    } finally {
      closeSync(fd);
    }
    return hash.update(String(size)).digest('hex');
  }
  return hash.update(readFileSync(path)).digest('hex');
}

/**
 * Checks a report workbook the way Excel would: every XML part well-formed XML 1.0 (no forbidden
 * characters), no `Infinity` or `NaN` among the values, no shared string past 32 767 characters.
 * Returns the text of its sheet and relationship parts, for further checks.
 */
export function checkReportWorkbook(bytes: Buffer): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const entry of readZipEntries(bytes)) {
    const text = entryData(bytes, entry).toString('utf8');
    parts[entry.name] = text;
    if (!/\.(xml|rels)$/.test(entry.name)) continue;
    const errors: string[] = [];
    const parser = new SaxesParser({ xmlns: false });
    parser.on('error', (e) => void errors.push(e.message));
    let inText = false;
    let textLength = 0;
    parser.on('opentag', (t) => {
      inText = t.name === 't';
      textLength = 0;
    });
    parser.on('text', (t) => {
      if (inText) textLength += t.length;
      if (textLength > 32767) errors.push('text past 32 767 characters');
    });
    parser.on('closetag', () => {
      inText = false;
    });
    parser.write(text).close();
    expect({ part: entry.name, errors }).toEqual({ part: entry.name, errors: [] });
    expect(text).not.toMatch(/<v>[-+]?(Infinity|NaN)<\/v>/);
  }
  return parts;
}

/**
 * The benchmark's cold, whole-process section (issue 13, item 3): every figure a fresh `node`
 * process timed from spawn to exit, as a user runs the command, against SheetJS's bare read in a
 * process of its own, and the floor (inflating the sheets and shared strings and finding every
 * `<` once). The command line is the bundle `npm ci` builds (`scripts/build-cli.mjs`); the other
 * processes are bundled the same way (esbuild), so no TypeScript loader is timed.
 *
 * Rounds are interleaved (each round runs every command once, in a rotated order) after one
 * warm-up round, so a load that comes and goes on a shared machine falls on all of them alike;
 * each ratio is taken within a round, process against process, and its median and range printed.
 * CPU time is the children's user + system time from `/proc/self/stat` (Linux; 10 ms ticks).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { fmt, renderTable } from './table';

/** A workbook to time the processes on. */
export interface ColdWorkbook {
  /** What it is: `100 000 rader, texter i raderna (t="str")`. */
  label: string;
  path: string;
}

export interface Command {
  name: string;
  /** The process's arguments after `node`, for one workbook. */
  argv: (file: string) => string[];
  /** It prints `{"ms": …}`: the time of its own work, start-up left out. */
  reportsMs: boolean;
}

export interface Sample {
  wallMs: number;
  cpuMs: number | null;
  innerMs: number | null;
}

/** One command's figures on one workbook: medians over the rounds, the ratio within each round. */
export interface ColdFigure {
  workbook: string;
  command: string;
  wallMs: number;
  /** This process over SheetJS's in the same round, median. */
  ratio: number;
  /** The same on CPU time (user + system), steadier on a shared machine; null off Linux. */
  cpuRatio: number | null;
}

/** What `printCold` measured, for the bench's closing table; `cli` is the bundle it built. */
export interface ColdResult {
  cli: string;
  figures: ColdFigure[];
}

const ROOT = join(__dirname, '..', '..');
/** The ratio the issue asks for: the whole command at most 0,7 × SheetJS's bare read. */
export const TARGET = 0.7;

/** Builds the command line into `dir` as `npm ci` does (`scripts/build-cli.mjs`): its `cli.js`. */
export function buildCli(dir: string): string {
  const cli = join(dir, 'cli.js');
  const made = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), cli], {
    encoding: 'utf8',
  });
  if (made.status !== 0 || !existsSync(cli)) {
    throw new Error(`build-cli misslyckades: ${made.stderr || made.stdout}`);
  }
  return cli;
}

/** Bundles the command line and the three measuring processes into `dir`. */
async function bundle(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { cli: buildCli(dir) };
  for (const entry of ['sheetjsRead', 'floorScan', 'productRead']) {
    out[entry] = join(dir, `${entry}.js`);
    await build({
      entryPoints: [join(__dirname, 'cold', `${entry}.ts`)],
      outfile: out[entry],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
    });
  }
  return out;
}

/** User + system time of this process's finished children so far, ms; null off Linux. */
export function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), cutime and cstime, in ticks of 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

/** Runs `node ARGV` to its end, timed whole; throws when it fails. */
export function runOnce(command: Command, file: string): Sample {
  const cpu0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const child = spawnSync(process.execPath, command.argv(file), {
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu1 = childrenCpuMs();
  if (child.status !== 0) {
    throw new Error(`${command.name}: ${(child.stderr || child.stdout).trim().slice(0, 300)}`);
  }
  let innerMs: number | null = null;
  if (command.reportsMs) {
    const line = child.stdout.trim().split('\n').pop() ?? '{}';
    innerMs = (JSON.parse(line) as { ms?: number }).ms ?? null;
  }
  return { wallMs, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, innerMs };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

export function spread(xs: readonly number[], decimals: 0 | 2 = 0): string {
  if (xs.length === 0) return '–';
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return `${fmt(lo, decimals)}–${fmt(hi, decimals)}`;
}

/**
 * Times every command on every workbook in `runs` interleaved rounds and prints the tables and
 * the verdict. `dir` is a temp directory for the bundles and the JSON report.
 */
export async function printCold(
  workbooks: readonly ColdWorkbook[],
  runs: number,
  dir: string,
): Promise<ColdResult> {
  process.stderr.write('kall körning / cold: bygger paketen …\n');
  const js = await bundle(dir);
  const report = join(dir, 'report.json');
  const commands: Command[] = [
    { name: 'SheetJS', argv: (f) => [js.sheetjsRead!, f], reportsMs: true },
    { name: 'SheetJS utan text', argv: (f) => [js.sheetjsRead!, f, 'raw'], reportsMs: true },
    { name: 'golv (packa upp + indexOf)', argv: (f) => [js.floorScan!, f], reportsMs: true },
    { name: 'produktens läsning', argv: (f) => [js.productRead!, f], reportsMs: true },
    { name: 'CLI --quiet', argv: (f) => [js.cli!, 'analyze', f, '--quiet'], reportsMs: false },
    { name: 'CLI (sammanfattning)', argv: (f) => [js.cli!, 'analyze', f], reportsMs: false },
    {
      name: 'CLI --json',
      argv: (f) => [js.cli!, 'analyze', f, '--json', report, '--quiet'],
      reportsMs: false,
    },
  ];
  const load0 = loadavg();
  const figures: ColdFigure[] = [];
  const samples = workbooks.map(() => commands.map((): Sample[] => []));
  for (let round = 0; round <= runs; round++) {
    process.stderr.write(`  kall omgång ${round === 0 ? 'uppvärmning' : round} av ${runs} …\n`);
    for (const [w, workbook] of workbooks.entries()) {
      for (let k = 0; k < commands.length; k++) {
        const c = (k + round) % commands.length; // rotated, so no command always comes first
        const sample = runOnce(commands[c]!, workbook.path);
        if (round > 0) samples[w]![c]!.push(sample);
      }
    }
  }
  const load1 = loadavg();
  const cpu = cpus();
  console.log(
    `\nKall körning, hela processen / cold, whole process: ${runs} omgångar efter en uppvärmning, ` +
      `Node ${process.version}, ${cpu.length} kärnor (${cpu[0]?.model.trim() ?? '?'}), ` +
      `last / load ${fmt(load0[0], 2)} → ${fmt(load1[0], 2)}`,
  );
  for (const [w, workbook] of workbooks.entries()) {
    const sheetjs = samples[w]![0]!;
    console.log(`\n${workbook.label}\n`);
    const rows = commands.map((command, c) => {
      const s = samples[w]![c]!;
      const wall = s.map((x) => x.wallMs);
      const cpuMs = s.flatMap((x) => (x.cpuMs === null ? [] : [x.cpuMs]));
      const inner = s.flatMap((x) => (x.innerMs === null ? [] : [x.innerMs]));
      // Within each round: this process against SheetJS's in the same round.
      const ratios = s.map((x, i) => x.wallMs / (sheetjs[i]?.wallMs ?? NaN));
      const cpuRatios = s.flatMap((x, i) => {
        const base = sheetjs[i]?.cpuMs;
        return x.cpuMs === null || !base ? [] : [x.cpuMs / base];
      });
      figures.push({
        workbook: workbook.label,
        command: command.name,
        wallMs: median(wall),
        ratio: median(ratios),
        cpuRatio: cpuRatios.length ? median(cpuRatios) : null,
      });
      return [
        command.name,
        fmt(median(wall)),
        spread(wall),
        cpuMs.length ? fmt(median(cpuMs)) : '–',
        inner.length ? fmt(median(inner)) : '–',
        inner.length ? spread(inner) : '',
        c === 0 ? '1' : `${fmt(median(ratios), 2)} (${spread(ratios, 2)})`,
      ];
    });
    console.log(
      renderTable(
        [
          'process',
          'vägg ms',
          'min–max',
          'CPU ms',
          'eget arbete ms',
          'min–max',
          'kvot mot SheetJS (min–max)',
        ],
        rows,
      ),
    );
    for (const c of [4, 5, 6]) {
      const ratios = samples[w]![c]!.map((x, i) => x.wallMs / (sheetjs[i]?.wallMs ?? NaN));
      const m = median(ratios);
      console.log(
        `${m <= TARGET ? 'JA ' : 'NEJ'} ${commands[c]!.name} ≤ ${fmt(TARGET, 1)} × SheetJS, process mot process: ` +
          `${fmt(m, 2)} (median; ${spread(ratios, 2)})`,
      );
    }
  }
  const slow = workbooks.flatMap((workbook) => {
    const check = spawnSync(process.execPath, [js.productRead!, workbook.path, 'check'], {
      encoding: 'utf8',
    });
    return (JSON.parse(check.stdout.trim() || '{"slow":[]}') as { slow: string[] }).slow;
  });
  console.log(
    slow.length === 0
      ? '\nAlla delar lästes av byte-skannern / every part read by the byte scanner.'
      : `\nLästes den långsamma vägen / read the slow way: ${slow.join('; ')}`,
  );
  return { cli: js.cli!, figures };
}

/**
 * The quick start (issue 13, item 4): a typical committee workbook analysed by the command, the
 * whole process from spawn to exit, against Node starting and doing nothing. Interleaved rounds
 * after a warm-up round, medians, as in the cold section (`cold.ts`). Target: under 0,25 s.
 */
import { join } from 'node:path';
import { median, runOnce, spread, type Command, type Sample } from './cold';
import { fmt, renderTable } from './table';

const ROOT = join(__dirname, '..', '..');
/** The target for a typical workbook, whole process, ms. */
export const QUICK_TARGET_MS = 250;

/** A seed of a committee's size: Ale's delårsrapport 2024 (tests/fixtures). */
export const TYPICAL = join(ROOT, 'tests', 'fixtures', 'ale-2024.xlsx');

/** The medians, for the bench's closing table. */
export interface QuickStartResult {
  nodeMs: number;
  jsonMs: number;
  summaryMs: number;
}

/** Times the command `cli` (the bundle) on the typical workbook in `runs` rounds and prints it. */
export function printQuickStart(cli: string, runs: number): QuickStartResult {
  const commands: Command[] = [
    { name: 'node -e 0 (Node startar, inget mer)', argv: () => ['-e', '0'], reportsMs: false },
    {
      name: 'CLI --json - (ale-2024.xlsx)',
      argv: (f) => [cli, 'analyze', f, '--json', '-'],
      reportsMs: false,
    },
    {
      name: 'CLI sammanfattning (ale-2024.xlsx)',
      argv: (f) => [cli, 'analyze', f],
      reportsMs: false,
    },
  ];
  const samples = commands.map((): Sample[] => []);
  for (let round = 0; round <= runs; round++) {
    for (let k = 0; k < commands.length; k++) {
      const c = (k + round) % commands.length;
      const sample = runOnce(commands[c]!, TYPICAL);
      if (round > 0) samples[c]!.push(sample);
    }
  }
  console.log(
    `\nSnabb start / quick start: en typisk nämndsarbetsbok, hela processen, ${runs} omgångar ` +
      `efter en uppvärmning (mål < ${QUICK_TARGET_MS} ms)\n`,
  );
  const wall = samples.map((s) => s.map((x) => x.wallMs));
  const rows = commands.map((command, c) => {
    const cpu = samples[c]!.flatMap((x) => (x.cpuMs === null ? [] : [x.cpuMs]));
    return [
      command.name,
      fmt(median(wall[c]!)),
      spread(wall[c]!),
      cpu.length ? fmt(median(cpu)) : '–',
    ];
  });
  console.log(renderTable(['process', 'vägg ms', 'min–max', 'CPU ms'], rows));
  const result = {
    nodeMs: median(wall[0]!),
    jsonMs: median(wall[1]!),
    summaryMs: median(wall[2]!),
  };
  console.log(
    `${result.jsonMs < QUICK_TARGET_MS ? 'JA ' : 'NEJ'} ale-2024.xlsx analyserad på under ` +
      `${QUICK_TARGET_MS} ms, hela processen: ${fmt(result.jsonMs)} ms (median; Node själv ${fmt(result.nodeMs)} ms)`,
  );
  return result;
}

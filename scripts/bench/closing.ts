/**
 * The bench's last two steps: the pane in Chromium (`scripts/bench-pane.ts`, run as a child with
 * its output printed as it comes), and one closing table of every figure issue 13 sets a target
 * for, from the cold section, the quick start and the pane, each with its target and a yes or no.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TARGET, type ColdResult } from './cold';
import { QUICK_TARGET_MS, type QuickStartResult } from './quickStart';
import { fmt, renderTable } from './table';
import { PANE_RESULT, type PaneFigures } from './types';

/**
 * Runs `scripts/bench-pane.ts` (`runs` per size) and returns its figures; null, with the reason
 * printed, when it could not run (no Chromium, a failed build).
 */
export function runPaneBench(runs: number, sizes: readonly number[]): PaneFigures[] | null {
  console.log('\n== scripts/bench-pane.ts: panelen i Chromium / the pane in Chromium ==\n');
  const child = spawnSync(
    'npx',
    [
      'tsx',
      join(__dirname, '..', 'bench-pane.ts'),
      '--runs',
      String(runs),
      '--sizes',
      sizes.join(','),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 2 ** 20 },
  );
  const lines = (child.stdout ?? '').split('\n');
  for (const line of lines) if (!line.startsWith(PANE_RESULT)) console.log(line);
  const result = lines.find((l) => l.startsWith(PANE_RESULT));
  if (child.status !== 0 || result === undefined) {
    console.log(`(bench-pane avslutades med kod ${String(child.status)}; panelen hoppas över)`);
    return null;
  }
  return JSON.parse(result.slice(PANE_RESULT.length)) as PaneFigures[];
}

/** What the closing table is made from; a part left out (`--no-pane`, …) is null. */
export interface ClosingInput {
  cold: ColdResult | null;
  quick: QuickStartResult | null;
  pane: PaneFigures[] | null;
}

type Row = [string, string, string, string];

const yes = (ok: boolean): string => (ok ? 'JA' : 'NEJ');

function coldRows(cold: ColdResult): Row[] {
  const rows: Row[] = [];
  const workbooks = [...new Set(cold.figures.map((f) => f.workbook))];
  for (const workbook of workbooks) {
    const of = (command: string) =>
      cold.figures.find((f) => f.workbook === workbook && f.command === command);
    const sheetjs = of('SheetJS');
    rows.push([`${workbook}: SheetJS läser`, `${fmt(sheetjs?.wallMs)} ms`, 'nämnaren', '']);
    for (const command of ['CLI --quiet', 'CLI (sammanfattning)', 'CLI --json']) {
      const f = of(command);
      if (!f) continue;
      rows.push([
        `  ${command}`,
        `${fmt(f.wallMs)} ms = ${fmt(f.ratio, 2)} × SheetJS` +
          (f.cpuRatio === null ? '' : ` (CPU ${fmt(f.cpuRatio, 2)} ×)`),
        `≤ ${fmt(TARGET, 1)} ×`,
        yes(f.ratio <= TARGET),
      ]);
    }
    const json = of('CLI --json');
    const quiet = of('CLI --quiet');
    if (json && quiet) {
      rows.push([
        '  JSON-utskriften (--json − --quiet)',
        `${fmt(json.wallMs - quiet.wallMs)} ms`,
        '',
        '',
      ]);
    }
  }
  return rows;
}

function paneRows(pane: readonly PaneFigures[]): Row[] {
  const rows: Row[] = [];
  for (const p of pane) {
    const small = p.lines <= 10_000;
    const size = `panelen, ${fmt(p.lines)} rader`;
    const resultsTarget = small ? 1_500 : 5_000;
    rows.push([
      `${size}: tid till resultat`,
      `${fmt(p.resultsMs)} ms`,
      `≤ ${fmt(resultsTarget)} ms`,
      yes(p.resultsMs <= resultsTarget),
    ]);
    rows.push([
      '  längsta uppgift på huvudtråden',
      `${fmt(p.longestTaskMs)} ms (${fmt(p.tasksOver200)} över 200 ms)`,
      small ? '≤ 200 ms' : '',
      small ? yes(p.longestTaskMs <= 200) : '',
    ]);
    rows.push(['  längsta väntan på ett klick', `${fmt(p.longestClickDelayMs)} ms`, '', '']);
    rows.push([
      '  renderarens topp-RSS',
      `${fmt(p.peakRssMiB)} MiB`,
      small ? '' : '< 600 MiB',
      small ? '' : yes(p.peakRssMiB < 600),
    ]);
    rows.push(['  DOM-noder', fmt(p.domNodes), '', '']);
  }
  return rows;
}

/** Prints the closing table: every figure with a target in issue 13, in one place. */
export function printClosing(input: ClosingInput): void {
  let rows: Row[] = input.cold ? coldRows(input.cold) : [];
  if (input.quick) {
    rows.push([
      'snabb start: ale-2024.xlsx --json -, hela processen',
      `${fmt(input.quick.jsonMs)} ms (Node själv ${fmt(input.quick.nodeMs)} ms)`,
      `< ${fmt(QUICK_TARGET_MS)} ms`,
      yes(input.quick.jsonMs < QUICK_TARGET_MS),
    ]);
  }
  if (input.pane) rows = rows.concat(paneRows(input.pane));
  if (rows.length === 0) return;
  console.log('\nSammanställning / summary (issue 13): medianer, hela processer\n');
  console.log(renderTable(['mått', 'värde', 'mål', 'nått'], rows));
}

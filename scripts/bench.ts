/**
 * `npm run bench`: the benchmark of issue 2, item 9. Not a test: it prints figures.
 *
 * For each size it generates a large driftredovisning workbook (scripts/bench/generateWorkbook.ts)
 * in a temp dir, then measures, each in a fresh process (scripts/bench/runOne.ts), with one
 * warm-up and the median of three runs:
 *  - a bare read by SheetJS (`XLSX.read(buffer, { dense: true })`) and by ExcelJS (in memory and
 *    streaming);
 *  - the whole analysis as the product does it: `readWorkbookFile` + `analyzeWorkbook`;
 *  - the ratio of the two, peak memory, and what the analysis found against what the generator
 *    knows is there (no mismatch, every variance, every indicator status).
 * Then the corpus section (scripts/bench/corpus.ts): planted-error recall by kind over the seed
 * fixtures and the wild corpus, and the wild corpus's score by category. Last it runs
 * `scripts/bench-office.ts` if that exists.
 *
 * Then the cold section (scripts/bench/cold.ts): at the largest size, with its texts inline, in a
 * shared string table, and saved by LibreOffice (when `soffice` is there), each command a fresh
 * process timed whole, against SheetJS's bare read and the floor of inflating and scanning once,
 * in interleaved rounds.
 * Then the quick start (scripts/bench/quickStart.ts): a typical committee workbook analysed by the
 * command, whole process. Then the pane in Chromium (scripts/bench-pane.ts) at 10 000 and 100 000
 * lines. Last, one table of every figure issue 13 sets a target for (scripts/bench/closing.ts).
 * Options: `--sizes 25000,100000` (budget lines), `--indicators 5000`, `--runs 3`,
 * `--no-exceljs` (skip the two slow ExcelJS reads), `--formulas` (totals as SUBTOTAL formulas),
 * `--keep` (keep the generated workbooks and print where), `--no-office` (skip bench-office.ts),
 * `--no-corpus` (skip the corpus section), `--corpus-only` (print only the corpus section),
 * `--cold-runs 7` (rounds of the cold section), `--no-cold`, `--cold-only` (only the cold section,
 * the quick start and the closing table), `--quick-runs 9` (rounds of the quick start),
 * `--no-pane` (skip the pane in Chromium), `--pane-runs 3`, `--pane-sizes 10000,100000`.
 * Example: `npm run bench -- --sizes 10000,40000 --runs 5`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildCli, printCold, type ColdResult } from './bench/cold';
import { printClosing, runPaneBench } from './bench/closing';
import { printQuickStart } from './bench/quickStart';
import { printCorpus } from './bench/corpus';
import { writeBenchWorkbook, type BenchWorkbook } from './bench/generateWorkbook';
import { fmt, renderTable } from './bench/table';
import type { ModeName, RunResult } from './bench/types';

interface Args {
  sizes: number[];
  indicators: number;
  runs: number;
  exceljs: boolean;
  formulas: boolean;
  keep: boolean;
  office: boolean;
  corpus: boolean;
  corpusOnly: boolean;
  coldRuns: number;
  cold: boolean;
  coldOnly: boolean;
  quickRuns: number;
  pane: boolean;
  paneRuns: number;
  paneSizes: number[];
}

const USAGE = `npm run bench -- [flaggor]
  --sizes 25000,100000   rader i de genererade arbetsböckerna
  --indicators N         indikatorrader (5 000)
  --runs N               varma körningar per läsare (3)
  --no-exceljs           utan ExcelJS:s läsare
  --formulas             arbetsböcker med formler
  --keep                 behåll arbetsböckerna
  --no-office            utan Office-adapterns skrivning
  --no-corpus | --corpus-only   utan / bara korpusens och de planterade felens mått
  --cold-runs N | --no-cold | --cold-only   kalla hela processer (5)
  --quick-runs N         snabbstart på en typisk arbetsbok (9)
  --no-pane | --pane-runs N | --pane-sizes 10000,100000   panelen i Chromium`;

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    sizes: [25_000, 100_000],
    indicators: 5_000,
    runs: 3,
    exceljs: true,
    formulas: false,
    keep: false,
    office: true,
    corpus: true,
    corpusOnly: false,
    coldRuns: 5,
    cold: true,
    coldOnly: false,
    quickRuns: 9,
    pane: true,
    paneRuns: 3,
    paneSizes: [10_000, 100_000],
  };
  const sizes = (text: string): number[] =>
    text
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = (): string => argv[++i] ?? '';
    if (a === '--sizes') args.sizes = sizes(next());
    else if (a === '--indicators') args.indicators = Number(next());
    else if (a === '--runs') args.runs = Math.max(1, Number(next()));
    else if (a === '--no-exceljs') args.exceljs = false;
    else if (a === '--formulas') args.formulas = true;
    else if (a === '--keep') args.keep = true;
    else if (a === '--no-office') args.office = false;
    else if (a === '--no-corpus') args.corpus = false;
    else if (a === '--corpus-only') args.corpusOnly = true;
    else if (a === '--cold-runs') args.coldRuns = Math.max(1, Number(next()));
    else if (a === '--no-cold') args.cold = false;
    else if (a === '--cold-only') args.coldOnly = true;
    else if (a === '--quick-runs') args.quickRuns = Math.max(1, Number(next()));
    else if (a === '--no-pane') args.pane = false;
    else if (a === '--pane-runs') args.paneRuns = Math.max(1, Number(next()));
    else if (a === '--pane-sizes') args.paneSizes = sizes(next());
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`Okänt argument / unknown argument: ${a}\n${USAGE}`);
      process.exit(2);
    }
  }
  return args;
}

const RUN_ONE = join(__dirname, 'bench', 'runOne.ts');

/** Runs one measurement in a fresh Node process; null (with the reason printed) if it failed. */
function measure(mode: ModeName, file: string, runs: number, expected: string): RunResult | null {
  process.stderr.write(`  ${mode} …`);
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', RUN_ONE, mode, file, String(runs), expected],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (child.status !== 0 || !line) {
    const why = (child.stderr || child.stdout).trim().split('\n').slice(0, 3).join(' | ');
    process.stderr.write(` misslyckades / failed: ${why}\n`);
    return null;
  }
  const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as RunResult;
  process.stderr.write(` ${fmt(result.medianMs)} ms\n`);
  return result;
}

interface SizeResult {
  book: BenchWorkbook;
  generateMs: number;
  results: Partial<Record<ModeName, RunResult>>;
}

const BARE: readonly ModeName[] = ['sheetjs', 'sheetjs-raw', 'exceljs', 'exceljs-stream'];
const LABEL: Record<ModeName, string> = {
  sheetjs: 'SheetJS read',
  'sheetjs-raw': 'SheetJS read utan text',
  exceljs: 'ExcelJS readFile',
  'exceljs-stream': 'ExcelJS stream',
  product: 'produkt (läs+analys)',
};

/** Wall-clock or CPU time: the first is what a user waits, the second steadier on a busy machine. */
type Clock = 'wall' | 'cpu';
const time = (x: RunResult | undefined, clock: Clock): number | undefined =>
  x === undefined ? undefined : clock === 'wall' ? x.medianMs : x.cpuMedianMs;

/** The fastest bare read of this size on the given clock. */
function fastestBare(r: SizeResult, clock: Clock): { mode: ModeName; ms: number } | null {
  let best: { mode: ModeName; ms: number } | null = null;
  for (const mode of BARE) {
    const ms = time(r.results[mode], clock);
    if (ms !== undefined && (best === null || ms < best.ms)) best = { mode, ms };
  }
  return best;
}

function printTimes(all: readonly SizeResult[], runs: number, clock: Clock): void {
  const what = clock === 'wall' ? 'Väggtid / wall-clock' : 'CPU-tid (user+system) / CPU time';
  console.log(
    `\n${what}, ms: median av ${runs} körningar efter en uppvärmning / median of ${runs} runs after one warm-up\n`,
  );
  const rows = all.map((r) => {
    const p = r.results.product;
    const best = fastestBare(r, clock);
    const product = time(p, clock);
    return [
      fmt(r.book.expected.lines),
      fmt(r.book.bytes / 2 ** 20, 1),
      ...BARE.map((m) => fmt(time(r.results[m], clock))),
      clock === 'wall' ? fmt(p?.readMs) : '',
      clock === 'wall' ? fmt(p?.analyzeMs) : '',
      fmt(product),
      best && product !== undefined ? `${fmt(product / best.ms, 2)} (${best.mode})` : '–',
    ];
  });
  console.log(
    renderTable(
      [
        'rader',
        'fil MiB',
        'SheetJS',
        'SheetJS utan text',
        'ExcelJS',
        'ExcelJS ström',
        'läsning',
        'analys',
        'produkt',
        'kvot produkt/snabbaste',
      ],
      rows,
    ),
  );
}

function printMemory(all: readonly SizeResult[]): void {
  console.log(
    '\nMinne, MiB (topp-RSS för hela processen; heap direkt efter en körning; heap kvar efter GC)\n',
  );
  const rows: string[][] = [];
  for (const r of all) {
    for (const mode of [...BARE, 'product'] as const) {
      const x = r.results[mode];
      if (!x) continue;
      rows.push([
        `${fmt(r.book.expected.lines)} ${LABEL[mode]}`,
        fmt(x.peakRssMB),
        fmt(x.heapAfterRunMB),
        fmt(x.retainedHeapMB),
      ]);
    }
  }
  console.log(renderTable(['rader, läsare', 'topp-RSS', 'heap efter körning', 'heap kvar'], rows));
}

function printFindings(all: readonly SizeResult[]): void {
  console.log(
    '\nVad analysen hittade (förväntat inom parentes) / what the analysis found (expected)\n',
  );
  const rows = all.map((r) => {
    const s = r.results.product?.summary;
    const e = r.book.expected;
    const statuses = s
      ? Object.entries(s.statuses)
          .map(([k, v]) => `${k} ${fmt(v)}`)
          .join(', ')
      : '–';
    return [
      fmt(e.lines),
      `${fmt(s?.variances)} (${fmt(e.varianceRows)})`,
      `${fmt(s?.totalVariance)} (${fmt(e.total.variance)})`,
      `${fmt(s?.indicators)} (${fmt(e.indicators)})`,
      `${fmt(s?.statusDisagreements)} (0)`,
      `${fmt(s?.mismatches)} (0)`,
      `${fmt(s?.rounding)} (0)`,
      statuses,
    ];
  });
  console.log(
    renderTable(
      [
        'rader',
        'avvikelser',
        'Totalt avv. tkr',
        'indikatorer',
        'fel status',
        'mismatch',
        'avrundning',
        'statusar',
      ],
      rows,
    ),
  );
  const e = all[0]?.book.expected;
  if (e) {
    const want = Object.entries(e.statuses)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ');
    console.log(`\nFörväntade statusar / expected statuses: ${want}`);
  }
  for (const r of all) {
    const s = r.results.product?.summary;
    if (!s) continue;
    const problems = Object.entries(s.problems);
    if (problems.length > 0) {
      console.log(
        `${fmt(r.book.expected.lines)} rader, problem: ${problems.map(([k, v]) => `${k} ×${fmt(v)}`).join(', ')}`,
      );
    }
    for (const sample of s.samples) console.log(`  ${sample}`);
  }
}

/** The three promises of the issue, each with a yes or no. */
function printVerdicts(all: readonly SizeResult[]): void {
  console.log('\nBedömning / verdict\n');
  const verdict = (ok: boolean): string => (ok ? 'JA ' : 'NEJ');
  for (const r of all) {
    const p = r.results.product;
    const wall = fastestBare(r, 'wall');
    const cpu = fastestBare(r, 'cpu');
    if (!p || !wall || !cpu) continue;
    const ratio = p.medianMs / wall.ms;
    console.log(
      `${verdict(ratio <= 1.5)} analysen ≤ 1,5 × snabbaste läsningen vid ${fmt(r.book.expected.lines)} rader: ` +
        `${fmt(ratio, 2)} väggtid, ${fmt(p.cpuMedianMs / cpu.ms, 2)} CPU-tid`,
    );
  }
  const [small, large] = [all[0], all[all.length - 1]];
  if (small && large && small !== large) {
    const scale = large.book.expected.lines / small.book.expected.lines;
    for (const [name, pick] of [
      ['produkt totalt', (x: RunResult) => x.medianMs],
      ['analys', (x: RunResult) => x.analyzeMs ?? NaN],
    ] as const) {
      const a = small.results.product;
      const b = large.results.product;
      if (!a || !b) continue;
      // 1,00 = exactly linear; above 1 grows faster than the rows.
      const growth = pick(b) / pick(a) / scale;
      console.log(
        `${verdict(growth <= 1.25)} högst linjär tillväxt (${name}): ×${fmt(scale, 1)} rader ger ` +
          `×${fmt(pick(b) / pick(a), 2)} tid (${fmt(growth, 2)} per rad; 1,00 = linjärt, lägre = fasta kostnader)`,
      );
    }
  }
  for (const r of all) {
    const s = r.results.product?.summary;
    if (!s) continue;
    console.log(
      `${verdict(s.mismatches === 0)} inga falska mismatch vid ${fmt(r.book.expected.lines)} rader: ${fmt(s.mismatches)}`,
    );
    if (s.variances === 0) {
      console.log('    (analysen hittade inga avvikelser alls: är motorn fortfarande en stub?)');
    }
  }
}

function runOfficeBench(): void {
  const script = join(__dirname, 'bench-office.ts');
  if (!existsSync(script)) {
    console.log('\n(scripts/bench-office.ts finns inte ännu; Office-bänken hoppas över.)');
    return;
  }
  console.log('\n== scripts/bench-office.ts ==\n');
  const child = spawnSync('npx', ['tsx', script], { stdio: 'inherit' });
  if (child.status !== 0) console.log(`(bench-office avslutades med kod ${String(child.status)})`);
}

/** The cold section at the largest size: texts inline (as SheetJS writes) and shared (as Excel). */
async function runCold(args: Args, dir: string): Promise<ColdResult> {
  const lines = args.sizes.reduce((a, b) => Math.max(a, b), 0);
  const workbooks = [false, true].map((sharedStrings) => {
    const path = join(dir, `driftredovisning-${lines}${sharedStrings ? '-sst' : ''}-kall.xlsx`);
    const book = writeBenchWorkbook(path, {
      lines,
      indicators: args.indicators,
      formulas: args.formulas,
      sharedStrings,
    });
    const where = sharedStrings
      ? 'texter i delad strängtabell (t="s")'
      : 'texter i raderna (t="str")';
    return { label: `${fmt(lines)} rader, ${fmt(book.bytes / 2 ** 20, 1)} MiB, ${where}`, path };
  });
  const saved = savedByLibreOffice(workbooks[0]!.path, dir);
  if (saved) {
    const mib = fmt(statSync(saved).size / 2 ** 20, 1);
    workbooks.push({
      label: `${fmt(lines)} rader, ${mib} MiB, sparad av LibreOffice`,
      path: saved,
    });
  }
  return printCold(workbooks, args.coldRuns, dir);
}

/** The cold section (unless `--no-cold`), the quick start, the pane, and the closing table. */
async function runWholeProcesses(args: Args, dir: string): Promise<void> {
  const cold = args.cold ? await runCold(args, dir) : null;
  const quick = printQuickStart(cold?.cli ?? buildCli(dir), args.quickRuns);
  const pane = args.pane ? runPaneBench(args.paneRuns, args.paneSizes) : null;
  printClosing({ cold, quick, pane });
}

/**
 * `file` saved again by LibreOffice (its own XML, as a spreadsheet program writes it: shared
 * strings, every row's attributes); `null` without `soffice`.
 */
function savedByLibreOffice(file: string, dir: string): string | null {
  const out = join(dir, 'libreoffice');
  const child = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      file,
    ],
    { stdio: 'ignore', timeout: 300_000 },
  );
  const saved = join(out, basename(file));
  return child.status === 0 && existsSync(saved) ? saved : null;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.corpusOnly) {
    await printCorpus();
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'namndplan-bench-'));
  const modes: ModeName[] = [
    ...BARE.filter((m) => args.exceljs || !m.startsWith('exceljs')),
    'product',
  ];
  const all: SizeResult[] = [];
  try {
    if (args.coldOnly) {
      await runWholeProcesses({ ...args, pane: false }, dir);
      return;
    }
    for (const lines of args.sizes) {
      const file = join(dir, `driftredovisning-${lines}.xlsx`);
      const t0 = performance.now();
      const book = writeBenchWorkbook(file, {
        lines,
        indicators: args.indicators,
        formulas: args.formulas,
      });
      const generateMs = performance.now() - t0;
      const expectedFile = `${file}.expected.json`;
      writeFileSync(expectedFile, JSON.stringify(book.expected));
      process.stderr.write(
        `${fmt(lines)} rader, ${fmt(book.expected.areas)} områden, ${fmt(args.indicators)} indikatorer: ` +
          `${fmt(book.bytes / 2 ** 20, 1)} MiB skriven på ${fmt(generateMs)} ms\n`,
      );
      const results: SizeResult['results'] = {};
      for (const mode of modes) {
        const r = measure(mode, file, args.runs, expectedFile);
        if (r) results[mode] = r;
      }
      all.push({ book, generateMs, results });
    }
    console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}`);
    printTimes(all, args.runs, 'wall');
    printTimes(all, args.runs, 'cpu');
    printMemory(all);
    printFindings(all);
    printVerdicts(all);
    if (args.corpus) await printCorpus();
    await runWholeProcesses(args, dir);
    if (args.keep) console.log(`\nArbetsböckerna finns kvar i ${dir}`);
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
  if (args.office) runOfficeBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

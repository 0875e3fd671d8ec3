/** Shapes passed from a measuring child process (`runOne.ts`) to the benchmark (`bench.ts`). */

/** What one child process measures. */
export type ModeName = 'sheetjs' | 'sheetjs-raw' | 'exceljs' | 'exceljs-stream' | 'product';

/** The analysis report, counted: what the benchmark compares with the generator's expectations. */
export interface ReportSummary {
  tables: number;
  variances: number;
  indicators: number;
  /** Indicator statuses, counted (`met`, `not-met`, ...). */
  statuses: Record<string, number>;
  /** Checks with severity `mismatch`; must be 0 on the generated workbook. */
  mismatches: number;
  rounding: number;
  /** Problems by code, counted. */
  problems: Record<string, number>;
  /** Variance of the `Totalt` row on `Drift`, tkr, positive = favourable; null if not found. */
  totalVariance: number | null;
  /** Indicators whose status differs from the generator's expectation; null without one. */
  statusDisagreements: number | null;
  /** A few findings worth a look: false mismatches, status disagreements (one line each). */
  samples: string[];
}

/** One child's result: median of the timed runs (after one warm-up) and its memory. */
export interface RunResult {
  mode: ModeName;
  /** Wall-clock time of each timed run, and their median. */
  runsMs: number[];
  medianMs: number;
  /** CPU time (user + system, all threads) of each run and the median: steadier on a busy machine. */
  cpuRunsMs: number[];
  cpuMedianMs: number;
  /** Product only: the reading and the analysing part of the median run, separately. */
  readMs: number | null;
  analyzeMs: number | null;
  /** Peak resident set size of the whole child process (kernel's ru_maxrss), MiB. */
  peakRssMB: number;
  /** Heap growth right after a run, garbage included (an upper view of the run's heap), MiB. */
  heapAfterRunMB: number;
  /** Heap still held after a full GC with the result alive (the workbook/report size), MiB. */
  retainedHeapMB: number;
  summary: ReportSummary | null;
  cells: number | null;
}

/**
 * One size's medians, printed by `scripts/bench-pane.ts` last on a line of their own, for
 * `npm run bench`'s closing table.
 */
export interface PaneFigures {
  lines: number;
  resultsMs: number;
  longestTaskMs: number;
  tasksOver200: number;
  longestClickDelayMs: number;
  peakRssMiB: number;
  domNodes: number;
}

/** The prefix of that line: `BENCH_PANE_RESULT [{"lines":10000,…}]`. */
export const PANE_RESULT = 'BENCH_PANE_RESULT ';

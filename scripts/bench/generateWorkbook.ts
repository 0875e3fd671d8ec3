/**
 * Writes the benchmark's large workbook: a driftredovisning of many budget lines in areas with
 * subtotals and a grand total (sheet `Drift`), and a sheet of indicators with targets (`Mål`),
 * laid out like the seed documents' tables. Every figure is exact, so a correct engine finds no
 * mismatch; the expected findings are returned beside the file so the benchmark can check them.
 *
 * Not a test fixture: written to a temp dir on every run, never committed.
 */
import * as XLSX from '@e965/xlsx';
import { statSync } from 'node:fs';
import { makePrng, type Prng } from './prng';

/** What to generate. Only `lines` and `indicators` matter for the size; the rest has defaults. */
export interface BenchWorkbookOptions {
  /** Budget lines on `Drift` (without subtotals and total). Example: 100 000. */
  lines: number;
  /** Indicators on `Mål`. Example: 5 000. */
  indicators: number;
  /** Lines per area; each area ends with `Summa <area>`. Default 100. */
  linesPerArea?: number;
  /**
   * Share of line amounts written as Swedish text numbers (`−12 345` with U+2212 and no-break
   * spaces), as pasted tables have them. Default 0.005. Forced to 0 when `formulas` is on,
   * since Excel's SUM would skip text and the cached totals would then lie.
   */
  textNumberShare?: number;
  /** Write subtotals and the total as `SUBTOTAL(9, …)` formulas with cached values. Default off. */
  formulas?: boolean;
  /** Seed of the pseudo-random figures. Default 2023. */
  seed?: number;
  /**
   * Texts in a shared string table (`t="s"`), as Excel and LibreOffice write them, instead of
   * inline in the sheets (`t="str"`, SheetJS's default). Default off.
   */
  sharedStrings?: boolean;
}

/** The findings a correct engine must produce on the generated workbook. */
export interface BenchExpectations {
  lines: number;
  areas: number;
  /** Rows on `Drift` holding Budget and Prognos: lines + subtotals + total. */
  varianceRows: number;
  /** Sums of the `Totalt` row, in tkr (costs negative). */
  total: { budget: number; forecast: number; variance: number };
  indicators: number;
  /** Expected status of every indicator, counted. */
  statuses: Record<ExpectedStatus, number>;
  /** A correct engine reports no check with severity `mismatch` (and none with `rounding`). */
  mismatches: 0;
  /** Expected status per indicator, by its 1-based row on `Mål`. */
  statusByRow: Record<number, ExpectedStatus>;
}

/** The statuses the generated indicators can have (every target has an operator). */
export type ExpectedStatus = 'met' | 'not-met' | 'no-outcome';

/** The written file and what it should yield. */
export interface BenchWorkbook {
  path: string;
  bytes: number;
  expected: BenchExpectations;
}

type Cell = XLSX.CellObject | string | number | null;
type Row = Cell[];

const AREA_NAMES = [
  'Hemtjänst',
  'Särskilt boende',
  'Funktionsstöd',
  'Individ- och familjeomsorg',
  'Socialpsykiatri',
  'Ekonomiskt bistånd',
  'Arbetsmarknadsenheten',
  'Hälso- och sjukvård',
  'Myndighetsutövning',
  'Korttidsvistelse',
] as const;

/** Account groups of a line; the first is income (positive), the others costs (negative). */
const ACCOUNT_GROUPS = [
  'intäkter',
  'personalkostnader',
  'lokalhyror',
  'köp av tjänster',
  'övriga kostnader',
] as const;

const AMOUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0%';

/**
 * Generates the workbook and writes it to `path` (SheetJS `writeFile`, compressed like Excel's own
 * files). Example: `writeBenchWorkbook('/tmp/bench-100k.xlsx', { lines: 100_000, indicators: 5_000 })`
 * writes 1 000 areas of 100 lines and returns `expected.varianceRows === 101_001`.
 */
export function writeBenchWorkbook(path: string, options: BenchWorkbookOptions): BenchWorkbook {
  const seed = options.seed ?? 2023;
  const drift = buildDrift(makePrng(seed), options);
  // Own stream, so the indicators are the same whatever the number of lines.
  const goals = buildGoals(makePrng(seed + 1), options.indicators);

  const wb = XLSX.utils.book_new();
  const driftSheet = XLSX.utils.aoa_to_sheet(drift.rows, { dense: true });
  driftSheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }];
  driftSheet['!cols'] = [{ wch: 48 }, { wch: 14 }, { wch: 14 }, { wch: 16 }];
  XLSX.utils.book_append_sheet(wb, driftSheet, 'Drift');
  const goalSheet = XLSX.utils.aoa_to_sheet(goals.rows, { dense: true });
  goalSheet['!cols'] = [{ wch: 60 }, { wch: 12 }, { wch: 12 }, { wch: 12 }];
  XLSX.utils.book_append_sheet(wb, goalSheet, 'Mål');
  XLSX.writeFile(wb, path, {
    bookType: 'xlsx',
    compression: true,
    bookSST: options.sharedStrings ?? false,
  });

  return {
    path,
    bytes: statSync(path).size,
    expected: {
      lines: options.lines,
      areas: drift.areas,
      varianceRows: options.lines + drift.areas + 1,
      total: drift.total,
      indicators: options.indicators,
      statuses: goals.statuses,
      mismatches: 0,
      statusByRow: goals.statusByRow,
    },
  };
}

function amountCell(value: number, asText: boolean): XLSX.CellObject {
  if (!asText) return { t: 'n', v: value, z: AMOUNT_FORMAT };
  // Swedish text number as pasted from a PDF: U+2212 minus, no-break space between groups.
  const grouped = Math.abs(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return { t: 's', v: (value < 0 ? '\u2212' : '') + grouped };
}

function buildDrift(
  rng: Prng,
  options: BenchWorkbookOptions,
): { rows: Row[]; areas: number; total: BenchExpectations['total'] } {
  const perArea = Math.max(1, options.linesPerArea ?? 100);
  const formulas = options.formulas ?? false;
  const textShare = formulas ? 0 : (options.textNumberShare ?? 0.005);
  const rows: Row[] = [
    ['Driftredovisning 2023 (tkr)'],
    ['Verksamhet', 'Budget 2023', 'Prognos 2023', 'Avvikelse 2023'],
  ];
  const total = { budget: 0, forecast: 0, variance: 0 };
  const subtotalRows: number[] = [];
  let written = 0;
  let area = 0;
  while (written < options.lines) {
    area += 1;
    const name = `${AREA_NAMES[(area - 1) % AREA_NAMES.length] ?? ''} område ${area}`;
    const firstRow = rows.length + 1;
    const sum = { budget: 0, forecast: 0, variance: 0 };
    const count = Math.min(perArea, options.lines - written);
    for (let i = 0; i < count; i += 1) {
      const group = i % ACCOUNT_GROUPS.length;
      const income = group === 0;
      const budget = income ? rng.int(50, 8_000) : -rng.int(50, 25_000);
      // Forecast within ±6 % of budget; about one line in eight exactly on budget.
      const delta = rng.next() < 0.125 ? 0 : Math.round(budget * (rng.next() * 0.12 - 0.06));
      const forecast = budget + delta;
      const variance = forecast - budget; // costs negative: positive = favourable
      sum.budget += budget;
      sum.forecast += forecast;
      sum.variance += variance;
      rows.push([
        `${name} – ${ACCOUNT_GROUPS[group] ?? ''} ${Math.floor(i / ACCOUNT_GROUPS.length) + 1}`,
        amountCell(budget, rng.next() < textShare),
        amountCell(forecast, rng.next() < textShare),
        amountCell(variance, rng.next() < textShare),
      ]);
    }
    written += count;
    const lastRow = rows.length;
    subtotalRows.push(lastRow + 1);
    rows.push([
      `Summa ${name}`,
      totalCell(sum.budget, formulas ? `SUBTOTAL(9,B${firstRow}:B${lastRow})` : null),
      totalCell(sum.forecast, formulas ? `SUBTOTAL(9,C${firstRow}:C${lastRow})` : null),
      totalCell(sum.variance, formulas ? `SUBTOTAL(9,D${firstRow}:D${lastRow})` : null),
    ]);
    total.budget += sum.budget;
    total.forecast += sum.forecast;
    total.variance += sum.variance;
  }
  const last = rows.length;
  rows.push([
    'Totalt',
    totalCell(total.budget, formulas ? `SUBTOTAL(9,B3:B${last})` : null),
    totalCell(total.forecast, formulas ? `SUBTOTAL(9,C3:C${last})` : null),
    totalCell(total.variance, formulas ? `SUBTOTAL(9,D3:D${last})` : null),
  ]);
  return { rows, areas: area, total };
}

function totalCell(value: number, formula: string | null): XLSX.CellObject {
  return formula === null
    ? { t: 'n', v: value, z: AMOUNT_FORMAT }
    : { t: 'n', v: value, z: AMOUNT_FORMAT, f: formula };
}

type TargetKind = 'min' | 'max' | 'zero' | 'range' | 'percent';
const KINDS: readonly TargetKind[] = ['min', 'max', 'zero', 'range', 'percent'];

/** Names per kind of target, so a name never contradicts its target (no direction words). */
const INDICATOR_NAMES: Record<TargetKind, readonly string[]> = {
  min: ['Brukarbedömning hemtjänst, helhetssyn (index)', 'Nöjd medarbetarindex'],
  max: ['Väntetid i antal dagar till särskilt boende', 'Antal personal under 14 dagar i hemtjänst'],
  zero: ['Antal ej verkställda beslut', 'Antal barn i akuta placeringar utanför kommunen'],
  range: ['Godkänd nivå brukarbedömning funktionsstöd (index)', 'Beläggningsgrad korttidsboende'],
  percent: ['Andel utredningar inom lagstadgad tid', 'Andel brukare med aktuell genomförandeplan'],
};

/**
 * Indicators with operator targets only (a plain-number target has no direction of its own, and
 * this benchmark wants every status decidable). Outcomes are tenths (`81,4`) or whole percents
 * (`0,57` shown as `57%`): a float engine gets `0.57 * 100 ≥ 57` wrong, a decimal one does not.
 */
function buildGoals(
  rng: Prng,
  count: number,
): Pick<BenchExpectations, 'statuses' | 'statusByRow'> & { rows: Row[] } {
  const rows: Row[] = [
    ['Nämndens indikatorer 2023'],
    ['Indikator', 'Utfall 2022', 'Utfall 2023', 'Mål 2023'],
  ];
  const statuses = { met: 0, 'not-met': 0, 'no-outcome': 0 };
  const statusByRow: Record<number, ExpectedStatus> = {};
  for (let i = 0; i < count; i += 1) {
    const kind = KINDS[i % KINDS.length] ?? 'min';
    const names = INDICATOR_NAMES[kind];
    const name = `${names[Math.floor(i / KINDS.length) % names.length] ?? ''} (${i + 1})`;
    const goal = makeGoal(rng, kind);
    // One in fifty lacks its 2023 outcome (then 2022's counts); one in two hundred lacks both.
    const roll = rng.next();
    const missing2023 = roll < 0.02;
    const missingBoth = roll < 0.005;
    const used = missing2023 ? goal.previous : goal.latest;
    const status = missingBoth ? 'no-outcome' : goal.meets(used) ? 'met' : 'not-met';
    statuses[status] += 1;
    statusByRow[rows.length + 1] = status;
    rows.push([
      name,
      missingBoth ? '-' : goal.cell(goal.previous),
      missing2023 ? 'Utfall saknas' : goal.cell(goal.latest),
      goal.target,
    ]);
  }
  return { rows, statuses, statusByRow };
}

interface Goal {
  target: string;
  /** Outcomes in integer units of the goal (tenths, or whole percents). */
  previous: number;
  latest: number;
  meets(outcome: number): boolean;
  cell(outcome: number): XLSX.CellObject;
}

function makeGoal(rng: Prng, kind: TargetKind): Goal {
  const tenths = (n: number): XLSX.CellObject => ({ t: 'n', v: n / 10 });
  // About one outcome in six sits exactly on the target's edge: equal to the target is met.
  const near = (edge: number, spread: number): number =>
    rng.next() < 1 / 6 ? edge : edge + rng.int(-spread, spread);
  switch (kind) {
    case 'min': {
      const t = rng.int(60, 95);
      return {
        target: rng.next() < 0.5 ? `≥${t}` : `≥ ${t}`,
        previous: Math.min(1000, near(t * 10, 120)),
        latest: Math.min(1000, near(t * 10, 120)),
        meets: (o) => o >= t * 10,
        cell: tenths,
      };
    }
    case 'max': {
      const t = rng.int(5, 60);
      return {
        target: `≤${t}`,
        previous: near(t * 10, 80),
        latest: near(t * 10, 80),
        meets: (o) => o <= t * 10,
        cell: tenths,
      };
    }
    case 'zero':
      return {
        target: '=0',
        previous: rng.next() < 0.5 ? 0 : rng.int(1, 4) * 10,
        latest: rng.next() < 0.5 ? 0 : rng.int(1, 4) * 10,
        meets: (o) => o === 0,
        cell: tenths,
      };
    case 'range': {
      const low = rng.pick([60, 70, 80]);
      const high = 100;
      const around = (): number =>
        rng.next() < 0.2 ? rng.pick([low, high]) * 10 : rng.int(low - 20, high + 10) * 10;
      return {
        target: `${low}-${high}`,
        previous: around(),
        latest: around(),
        meets: (o) => o >= low * 10 && o <= high * 10,
        cell: tenths,
      };
    }
    case 'percent': {
      const t = rng.int(50, 95);
      const pct = (): number => Math.min(100, near(t, 15));
      return {
        target: rng.next() < 0.5 ? `≥${t}%` : `≥ ${t} %`,
        previous: pct(),
        latest: pct(),
        meets: (o) => o >= t,
        cell: (o) => ({ t: 'n', v: o / 100, z: PERCENT_FORMAT }),
      };
    }
  }
}

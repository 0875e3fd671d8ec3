import { address } from './grid';
import { problem } from './messages';
import type { Check, CheckKind, Problem } from './report';
import type { TableRow } from './tableRows';
import type { ParsedNumber } from './values';
import { compareSigned, type Comparison } from './compare';
import type { DetectedTable, TableColumn } from './tables';
import type { Coverage } from './coverage';

/** A column that should equal a formula over other columns, row by row. */
interface Formula {
  target: TableColumn;
  /** Terms with their signs: `[[a, +1], [b, -1]]` means a − b. */
  terms: [TableColumn, 1 | -1][];
  kind: CheckKind;
  /**
   * Lines only: a total's net is the sum of its lines' nets, which may leave out a line that has
   * no net of its own (an elimination row), so the relation need not hold on the total itself.
   */
  linesOnly?: boolean;
}

/**
 * Checks a formula on every row that has all its figures. The formula is taken as the table's
 * only when most rows reproduce it (so a misread layout never floods the report with false
 * mismatches); rows that then disagree beyond rounding are checks at the target cell.
 * Returns false when the formula does not hold for the table.
 */
function applyFormula(
  table: DetectedTable,
  rows: TableRow[],
  f: Formula,
  checks: Check[],
  coverage: Coverage,
): boolean {
  const results: { row: TableRow; cmp: Comparison }[] = [];
  for (const r of rows) {
    if (f.linesOnly && r.isTotal) continue;
    const rep = r.values.get(f.target.col);
    if (!rep) continue;
    const terms: [ParsedNumber, 1 | -1][] = [];
    for (const [c, sign] of f.terms) {
      const v = r.values.get(c.col);
      if (v) terms.push([v, sign]);
    }
    if (terms.length === 0) continue;
    results.push({ row: r, cmp: compareSigned(rep, terms) });
  }
  const informative = results.filter((x) => !(x.cmp.reported === 0 && x.cmp.computed === 0));
  const agreeing = informative.filter((x) => x.cmp.verdict !== 'mismatch').length;
  if (informative.length === 0 || agreeing * 2 <= informative.length) return false;
  coverage.recomputed += results.length;
  for (const x of results) {
    if (x.cmp.verdict === 'ok') continue;
    checks.push({
      sheet: table.sheet,
      row: x.row.row,
      cell: address(x.row.row, f.target.col),
      label: x.row.label,
      kind: f.kind,
      reported: x.cmp.reported,
      computed: x.cmp.computed,
      difference: x.cmp.difference,
      severity: x.cmp.verdict,
    });
  }
  return true;
}

const ROLE_WORDS: [RegExp, string][] = [
  [/utfall|bokslut/, 'outcome'],
  [/prognos/, 'forecast'],
  [/budget/, 'budget'],
];

/**
 * Checks difference columns (`Differens`, `Diff. utfall 2022/2023`, `Förändring`): the later
 * figure minus the earlier, whichever order the table reproduces.
 */
export function checkDifferences(
  table: DetectedTable,
  rows: TableRow[],
  amountCols: TableColumn[],
  out: { checks: Check[]; problems: Problem[] },
  coverage: Coverage,
): void {
  const numeric = new Set(amountCols.map((c) => c.col));
  for (const d of table.columns.filter((c) => c.header.role === 'difference')) {
    if (!numeric.has(d.col)) continue;
    const others = table.columns.filter(
      (c) =>
        c.col !== d.col &&
        numeric.has(c.col) &&
        c.header.role !== 'difference' &&
        c.header.role !== 'variance',
    );
    let pair: [TableColumn, TableColumn] | null = null;
    if (d.header.years.length >= 2) {
      const t = d.header.text.toLowerCase();
      const role = ROLE_WORDS.find(([re]) => re.test(t))?.[1];
      const pick = (y: number): TableColumn | undefined => {
        const sameYear = others.filter((c) => c.header.period?.year === y);
        return (
          sameYear.find((c) => c.header.role === role) ??
          (sameYear.length === 1 ? sameYear[0] : undefined)
        );
      };
      const a = pick(d.header.years[0] ?? 0);
      const b = pick(d.header.years[1] ?? 0);
      if (a && b) pair = [a, b];
    } else {
      const left = others.filter((c) => c.col < d.col).slice(-2);
      if (left.length === 2 && left[0] && left[1]) pair = [left[0], left[1]];
    }
    if (!pair) {
      out.problems.push(
        problem(table.sheet, d.headerCell, 'info', 'difference-not-reproduced', {
          header: d.header.text,
        }),
      );
      continue;
    }
    const [a, b] = pair;
    // Later minus earlier is the usual reading; try it first, then the other order.
    const laterFirst = (a.header.period?.year ?? 0) >= (b.header.period?.year ?? 0);
    const orders: [TableColumn, TableColumn][] = laterFirst
      ? [
          [a, b],
          [b, a],
        ]
      : [
          [b, a],
          [a, b],
        ];
    let done = false;
    for (const [x, y] of orders) {
      const scratch: Check[] = [];
      if (
        applyFormula(
          table,
          rows,
          {
            target: d,
            terms: [
              [x, 1],
              [y, -1],
            ],
            kind: 'difference',
          },
          scratch,
          coverage,
        )
      ) {
        for (const c of scratch) out.checks.push(c);
        done = true;
        break;
      }
    }
    if (!done) {
      out.problems.push(
        problem(table.sheet, d.headerCell, 'info', 'difference-not-reproduced', {
          header: d.header.text,
        }),
      );
    }
  }
}

/** `net = costs − income` (costs positive) or `net = costs + income` (costs negative), whichever holds. */
function checkNetOfParts(
  table: DetectedTable,
  rows: TableRow[],
  net: TableColumn,
  costs: TableColumn,
  income: TableColumn,
  checks: Check[],
  coverage: Coverage,
): void {
  for (const sign of [-1, 1] as const) {
    const scratch: Check[] = [];
    const formula: Formula = {
      target: net,
      terms: [
        [costs, 1],
        [income, sign],
      ],
      kind: 'relation',
      linesOnly: true,
    };
    if (applyFormula(table, rows, formula, scratch, coverage)) {
      for (const c of scratch) checks.push(c);
      return;
    }
  }
}

/**
 * Checks relations between budget columns: `Total budget = Budget kostnader − Budget intäkter`
 * (Ale), `Budget 2023 = Budget + Förslag till omdisponering` (Mellerud),
 * `Total budget 2023 = Ombudgetering + Budget enligt beslut 2023` (Mark).
 */
export function checkRelations(
  table: DetectedTable,
  rows: TableRow[],
  checks: Check[],
  coverage: Coverage,
): void {
  const cols = table.columns;
  const sameYears = (a: TableColumn, b: TableColumn): boolean =>
    a.group === b.group &&
    a.header.span?.from === b.header.span?.from &&
    a.header.span?.to === b.header.span?.to;
  // `Total budget = kostnader − intäkter` (Ale), and the same of an outcome: `Netto = Intäkter +
  // Kostnader` (Lund's driftredovisning, per year): the net of its parts, in either sign convention.
  for (const [costRole, incomeRole, netRoles] of [
    ['budget-costs', 'budget-income', ['budget']],
    ['costs', 'income', ['outcome', 'year']],
  ] as const) {
    for (const income of cols.filter((c) => c.header.role === incomeRole)) {
      const costs = cols.find((c) => c.header.role === costRole && sameYears(c, income));
      if (!costs) continue;
      const net = cols.find(
        (c) =>
          (netRoles as readonly string[]).includes(c.header.role) &&
          c.col > Math.max(costs.col, income.col) &&
          sameYears(c, income),
      );
      if (net) checkNetOfParts(table, rows, net, costs, income, checks, coverage);
    }
  }
  const adjustments = cols.filter((c) => c.header.role === 'adjustment');
  if (adjustments.length > 0) {
    const lastAdj = adjustments[adjustments.length - 1];
    const budgetsAfter = cols.filter(
      (c) => c.header.role === 'budget' && lastAdj && c.col > lastAdj.col,
    );
    const target = budgetsAfter.find((c) => /total/i.test(c.header.text)) ?? budgetsAfter[0];
    if (!target) return;
    // Parts: the contiguous budget/adjustment columns left of the target.
    const parts: TableColumn[] = [];
    for (let i = cols.indexOf(target) - 1; i >= 0; i--) {
      const c = cols[i];
      if (!c || (c.header.role !== 'budget' && c.header.role !== 'adjustment')) break;
      parts.unshift(c);
    }
    if (parts.length >= 2) {
      applyFormula(
        table,
        rows,
        { target, terms: parts.map((p) => [p, 1] as [TableColumn, 1]), kind: 'relation' },
        checks,
        coverage,
      );
    }
  }
}

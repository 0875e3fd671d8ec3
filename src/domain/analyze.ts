import { figureWithUnit } from './values';
import { newCoverage, type Coverage } from './coverage';
import { checkDifferences, checkRelations } from './differences';
import { address, type WorkbookSnapshot } from './grid';
import type { WordDirection } from './direction';
import { readGoals } from './goals';
import { assessIndicators, collectOperatorDirections } from './indicators';
import { problem } from './messages';
import type { AnalyzeOptions, Report, SignConvention, Table } from './report';
import { readRisks } from './risks';
import { SheetGrid } from './sheetGrid';
import { checkTemplate } from './templates/checkTemplate';
import { amountColumns, readRows, summableColumns } from './tableRows';
import { detectTables, isSourceNoteLabel, tableRange, type DetectedTable } from './tables';
import { checkTotals } from './totals';
import { checkVariancePercents, isVariancePercentColumn } from './variancePercents';
import { analyseVariances, type PrintedPair } from './variances';

/** Default riskvärde at or above which a risk goes into the internkontrollplan (seed 004). */
export const DEFAULT_RISK_THRESHOLD = 12;

/**
 * Analyses a whole workbook: finds its tables, computes budget variances (positive =
 * favourable, in each table's unit, exact decimals), assesses indicators against their targets,
 * reads internal-control risks, and recomputes every total, variance, difference, relation and
 * risk value it can. Whatever it cannot understand becomes a `problem` with its cell.
 * Example: Ale's `Totalt` row, Prognos 2023 −690 434 against Budget 2023 −683 434 → variance −7 000.
 */
export function analyzeWorkbook(workbook: WorkbookSnapshot, options: AnalyzeOptions = {}): Report {
  const threshold = options.riskThreshold ?? DEFAULT_RISK_THRESHOLD;
  const report: Report = {
    schemaVersion: 1,
    workbook: workbook.name,
    tables: [],
    variances: [],
    indicators: [],
    goals: [],
    risks: [],
    checks: [],
    problems: [],
    template: checkTemplate(workbook, options),
  };
  let anyValue = false;
  const sheets: { grid: SheetGrid; tables: DetectedTable[] }[] = [];
  for (const sheet of workbook.sheets) {
    const grid = new SheetGrid(sheet);
    if (grid.lastRow < grid.firstRow) continue;
    anyValue = true;
    sheets.push({ grid, tables: detectTables(grid) });
  }
  // An indicator's operator anywhere in the workbook tells which way it is better everywhere.
  const elsewhere = new Map<string, WordDirection>();
  for (const { grid, tables } of sheets) {
    for (const t of tables)
      if (t.kind === 'indicators') collectOperatorDirections(grid, t, elsewhere);
  }
  for (const { grid, tables } of sheets) {
    const firstIndicator = report.indicators.length;
    for (const table of tables) {
      const coverage = newCoverage();
      const convention = analyseTable(grid, table, { threshold, elsewhere }, report, coverage);
      if (table.kind !== 'other') reportErrorCells(grid, table, report);
      const entry: Table = {
        sheet: table.sheet,
        range: tableRange(table),
        title: table.title,
        kind: table.kind,
        unit: table.unit,
        signConvention: convention,
        recomputed: coverage.recomputed,
        notRecomputed: coverage.notRecomputed,
      };
      report.tables.push(entry);
    }
    // The goal tree of the sheet, its indicators linked and judged.
    readGoals(grid, tables, report.indicators.slice(firstIndicator), report, options.goals ?? {});
  }
  if (!anyValue) report.problems.push(problem(null, null, 'info', 'empty-workbook'));
  return report;
}

function analyseTable(
  grid: SheetGrid,
  table: DetectedTable,
  settings: { threshold: number; elsewhere: ReadonlyMap<string, WordDirection> },
  report: Report,
  coverage: Coverage,
): SignConvention | null {
  switch (table.kind) {
    case 'budget':
    case 'investments': {
      const cols = amountColumns(grid, table);
      const rows = readRows(grid, table, cols);
      if (table.unit === null) {
        report.problems.push(
          problem(table.sheet, table.columns[0]?.headerCell ?? null, 'warning', 'unknown-unit'),
        );
      }
      reportUnreadable(
        grid,
        table,
        rows.map((r) => r.row),
        report,
      );
      const printed: PrintedPair[] = [];
      // The row's own words on its variance: a Kommentar, Förklaring, Orsak or Analys column.
      const commentCol = table.columns.find((c) =>
        /^(kommentar|kommentarer|förklaring|orsak|analys|orsak till avvikelse)(?![\p{L}])/iu.test(
          c.header.text.trim(),
        ),
      );
      const commentOf = (row: number): string | null => {
        const t = commentCol ? grid.text(row, commentCol.col) : '';
        return t === '' ? null : t;
      };
      const convention = analyseVariances(table, rows, report, coverage, printed, commentOf);
      const shares = table.columns.filter(isVariancePercentColumn);
      if (shares.length > 0) {
        const shareRows = readRows(grid, table, shares);
        checkVariancePercents(table, rows, shareRows, printed, report.checks, coverage);
      }
      checkTotals(table.sheet, rows, summableColumns(cols), report, coverage);
      checkDifferences(table, rows, cols, report, coverage);
      checkRelations(table, rows, report.checks, coverage);
      return convention;
    }
    case 'metrics': {
      const cols = amountColumns(grid, table);
      const rows = readRows(grid, table, cols);
      if (table.unit !== null) {
        checkTotals(table.sheet, rows, summableColumns(cols), report, coverage);
      }
      checkDifferences(table, rows, cols, report, coverage);
      assessIndicators(grid, table, report, settings.elsewhere);
      return null;
    }
    case 'indicators':
      reportUnreadable(grid, table, withoutSourceNotes(grid, table), report);
      assessIndicators(grid, table, report, settings.elsewhere);
      return null;
    case 'risks': {
      const before = report.risks.length;
      readRisks(grid, table, settings.threshold, report);
      for (const r of report.risks.slice(before))
        if (r.reportedValue !== null) coverage.recomputed++;
      return null;
    }
    case 'other': {
      // A table of figures whose columns the engine cannot name is said, never passed over.
      if (hasFigures(grid, table)) {
        const header = table.columns.map((c) => c.header.text).filter((t) => t !== '');
        report.problems.push(
          problem(table.sheet, table.columns[0]?.headerCell ?? null, 'info', 'unread-table', {
            headers: header.slice(0, 4).join(' | '),
          }),
        );
      }
      return null;
    }
  }
}

/** True when a table's body holds two figures or more. */
function hasFigures(grid: SheetGrid, table: DetectedTable): boolean {
  let n = 0;
  for (const r of table.dataRows)
    for (const c of table.columns) if (grid.numberKind(r, c.col) !== 0 && ++n >= 2) return true;
  return false;
}

const VALUE_ROLES = new Set([
  'budget',
  'budget-costs',
  'budget-income',
  'income',
  'costs',
  'adjustment',
  'forecast',
  'outcome',
  'variance',
  'difference',
  'year',
]);

/**
 * Says where a value column holds text that is neither a number nor a "no value" word, and where
 * a column of numbers has a header that names no role: the engine does not guess either.
 */
function reportUnreadable(
  grid: SheetGrid,
  table: DetectedTable,
  rows: readonly number[],
  report: Report,
): void {
  for (const c of table.columns) {
    const valueColumn = VALUE_ROLES.has(c.header.role);
    let numbers = 0;
    for (const r of rows) {
      if (grid.numberKind(r, c.col) !== 0) {
        numbers++;
        continue;
      }
      const v = grid.value(r, c.col);
      if (
        valueColumn &&
        typeof v === 'string' &&
        !grid.isNoValue(r, c.col) &&
        // An indicator's figure may carry its unit (`15 µg/m3`): read, not unreadable.
        !(table.kind === 'indicators' && figureWithUnit(v) !== null)
      ) {
        report.problems.push(
          problem(table.sheet, address(r, c.col), 'warning', 'unreadable-number', {
            text: grid.text(r, c.col),
          }),
        );
      }
    }
    if (c.header.role === 'other' && numbers > 0 && table.kind !== 'indicators') {
      report.problems.push(
        problem(table.sheet, c.headerCell, 'warning', 'ambiguous-header', {
          header: c.header.text,
        }),
      );
    }
  }
}

/** The table's data rows without its `Källa:` rows. */
function withoutSourceNotes(grid: SheetGrid, table: DetectedTable): number[] {
  return table.dataRows.filter((r) => !isSourceNoteLabel(grid.text(r, table.labelCol)));
}

/** Says where a cell of the table shows an error (`#DIV/0!`): it is read as empty, never as 0. */
function reportErrorCells(grid: SheetGrid, table: DetectedTable, report: Report): void {
  const top = table.dataRows[0];
  if (top === undefined) return;
  const bottom = table.dataRows[table.dataRows.length - 1] ?? top;
  for (const e of grid.errors) {
    if (e.row < top || e.row > bottom || e.col < table.left || e.col > table.right) continue;
    report.problems.push(
      problem(table.sheet, address(e.row, e.col), 'warning', 'error-value', { text: e.text }),
    );
  }
}

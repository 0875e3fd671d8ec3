/**
 * Printed deviations: a `Prognos` column holding the forecast's deviation rather than the forecast
 * (seed 001, 7.1), or a variance column with nothing to compute it from, reported as printed.
 */
import { Decimal, toReportNumber } from './decimal';
import { address } from './grid';
import type { Variance } from './report';
import type { TableRow } from './tableRows';
import type { DetectedTable, TableColumn } from './tables';
import { numberOf, yearOf } from './varianceMath';
import { reproducesPrintedVariance } from './variancePairs';

/**
 * A `Prognos` column whose values are small, mixed in sign and nowhere near the budget holds the
 * forecast deviation, not the forecast (seed 001, 7.1).
 */
export function isDeviationColumn(
  rows: TableRow[],
  forecast: TableColumn,
  budget: TableColumn,
  variances: TableColumn[],
): boolean {
  let far = 0;
  let counted = 0;
  let fPos = 0;
  let fNeg = 0;
  let bPos = 0;
  let bNeg = 0;
  for (const r of rows) {
    // A screening heuristic: floats are precise enough to tell "near" from "far".
    const f = r.values.approx(forecast.col);
    const b = r.values.approx(budget.col);
    if (f === undefined || b === undefined || b === 0) continue;
    counted++;
    if (f > 0) fPos++;
    if (f < 0) fNeg++;
    if (b > 0) bPos++;
    if (b < 0) bNeg++;
    if (f / b < 0.5) far++;
  }
  const mixedForecast = fPos > 0 && fNeg > 0;
  const oneSignedBudget = bPos === 0 || bNeg === 0;
  if (!(counted >= 3 && mixedForecast && oneSignedBudget && far * 3 >= counted * 2)) return false;
  // A printed variance it reproduces makes it a forecast after all (a second pass over the rows,
  // so only asked of a column that looks like a deviation).
  return !reproducesPrintedVariance(rows, forecast, budget, variances);
}

/**
 * A printed variance column that no pair claims holds the deviation itself: it says `prognos`,
 * or its table has no forecast or outcome amount in its group to compute it from (`Budget |
 * Avvikelse | Procent` per nämnd). It is reported as printed, never recomputed.
 */
export function isForecastDeviation(table: DetectedTable, v: TableColumn): boolean {
  const actual = table.columns.some(
    (c) => (c.header.role === 'forecast' || c.header.role === 'outcome') && c.group === v.group,
  );
  if (!actual) return true;
  const hasForecast = table.columns.some(
    (c) => c.header.role === 'forecast' && c.group === v.group,
  );
  if (hasForecast) return false;
  const words = [v.header.text, table.title ?? ''].join(' ').toLowerCase();
  return /prognos/.test(words);
}

/**
 * Reports a forecast deviation printed per row (`Prognos 2017` holding −27 600 for the committee)
 * as variances of kind `forecast-deviation`: the printed figure is the variance, positive =
 * favourable as the documents print it, against the budget of the same year where there is one.
 */
export function reportDeviations(
  table: DetectedTable,
  rows: TableRow[],
  col: TableColumn,
  budgets: TableColumn[],
  variances: Variance[],
  commentOf: (row: number) => string | null,
): TableColumn | null {
  const budget =
    budgets.find((b) => b.group === col.group && yearOf(b) === yearOf(col)) ??
    budgets.find((b) => b.group === col.group && yearOf(b) === null) ??
    null;
  for (const r of rows) {
    if (r.isDash) continue;
    const d = r.values.get(col.col);
    if (!d) continue;
    const b = budget ? r.values.get(budget.col) : undefined;
    const percent =
      b && !b.value.isZero()
        ? toReportNumber(
            d.value.div(b.value.abs()).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
          )
        : null;
    variances.push({
      sheet: table.sheet,
      row: r.row,
      cell: address(r.row, col.col),
      label: r.label,
      baseline: budget?.header.text ?? '',
      actual: col.header.text,
      baselineValue: b ? numberOf(b) : null,
      actualValue: null,
      variance: numberOf(d),
      variancePercent: percent,
      unit: table.unit,
      reported: numberOf(d),
      check: null,
      kind: 'forecast-deviation',
      comment: commentOf(r.row),
    });
  }
  return budget;
}

import { Decimal, toReportNumber } from './decimal';
import { address } from './grid';
import type { Check } from './report';
import type { TableRow } from './tableRows';
import type { DetectedTable, TableColumn } from './tables';
import type { Coverage } from './coverage';
import type { PrintedPair } from './variances';

/** A column of printed variance shares: `Avvikelse %`, `Avvikelse i %`, `Procent`, `%`. */
export function isVariancePercentColumn(c: TableColumn): boolean {
  const t = c.header.text.toLowerCase();
  return (
    (c.header.role === 'variance' && c.header.percent) || /^(procent|%|andel %)$/.test(t.trim())
  );
}

const half = (decimals: number): Decimal => new Decimal(10).pow(-decimals).div(2);

/**
 * Recomputes a printed variance share, `Avvikelse % = Avvikelse / |Budget| × 100`, on every row,
 * from the printed variance of its group to its left and the budget that variance is measured
 * against. Within half a unit of the share's last digit it is right; within what the rounding of
 * the variance and the budget can explain, `rounding`; beyond, a `mismatch` at the share's cell
 * (a share summed down the column instead of computed on the total is one).
 * Example: Förskolenämnden 22,8 / 654,4 = 3,48 %, printed 2,4 % → mismatch.
 */
export function checkVariancePercents(
  table: DetectedTable,
  rows: readonly TableRow[],
  percentRows: readonly TableRow[],
  printed: readonly PrintedPair[],
  checks: Check[],
  coverage: Coverage,
): void {
  for (const pc of table.columns.filter(isVariancePercentColumn)) {
    const source = printed
      .filter((p) => p.variance.col < pc.col && p.variance.group === pc.group)
      .sort((a, b) => b.variance.col - a.variance.col)[0];
    if (!source) continue;
    rows.forEach((r, i) => {
      const p = percentRows[i]?.values.get(pc.col);
      const v = r.values.get(source.variance.col);
      const b = r.values.get(source.baseline.col);
      if (!p || !v || !b || b.value.isZero()) return;
      const base = b.value.abs();
      const computed = v.value.div(base).times(100);
      const diff = p.value.minus(computed).abs();
      coverage.recomputed++;
      if (diff.lte(half(p.decimals))) return;
      const allowed = half(p.decimals)
        .plus(half(v.decimals).times(100).div(base))
        .plus(v.value.abs().times(100).times(half(b.decimals)).div(base.times(base)));
      const shown = computed.toDecimalPlaces(p.decimals + 1, Decimal.ROUND_HALF_UP);
      checks.push({
        sheet: table.sheet,
        row: r.row,
        cell: address(r.row, pc.col),
        label: r.label,
        kind: 'relation',
        reported: toReportNumber(p.value),
        computed: toReportNumber(shown),
        difference: toReportNumber(p.value.minus(shown)),
        severity: diff.lte(allowed) ? 'rounding' : 'mismatch',
      });
    });
  }
}

/**
 * The one rule that says which budget variances pass the variance threshold: the CLI's summary,
 * the report sheets, the report workbook and the task pane all ask it, so they never disagree
 * about which rows are marked.
 */

/** The threshold, in percent of the budget, used when the user sets none (the pane's default). */
export const DEFAULT_VARIANCE_THRESHOLD_PERCENT = 1;

/**
 * True when a variance is unfavourable (negative: higher cost or lower income than budget) by more
 * than `thresholdPercent` percent of its budget. A variance against a budget of 0 has no percentage:
 * any unfavourable amount there passes.
 *
 * @example passesVarianceThreshold({ variance: -7000, variancePercent: -1.02 }, 1) // → true
 * @example passesVarianceThreshold({ variance: -2.6, variancePercent: -0.97 }, 1) // → false
 */
export function passesVarianceThreshold(
  v: { readonly variance: number; readonly variancePercent: number | null },
  thresholdPercent: number,
): boolean {
  if (!(v.variance < 0)) return false;
  return v.variancePercent === null || Math.abs(v.variancePercent) > thresholdPercent;
}

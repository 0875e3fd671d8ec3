/**
 * What a table's checks covered: how many printed figures were recomputed (totals, subtotals,
 * variances, differences, relations, risk values) and how many printed totals and variances could
 * not be (each of those has a problem saying why). "Nothing wrong" is only true of what was checked.
 */
export interface Coverage {
  recomputed: number;
  notRecomputed: number;
}

/** A fresh count. */
export function newCoverage(): Coverage {
  return { recomputed: 0, notRecomputed: 0 };
}

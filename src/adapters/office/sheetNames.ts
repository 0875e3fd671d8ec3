/**
 * Choosing the names of the report sheets so that a user's sheet is never touched: a name held
 * by a sheet we did not write is skipped (`NP Avvikelser (2)`), one held by a sheet we wrote is
 * replaced (after the user agrees). Excel compares sheet names case-insensitively.
 */

/** A sheet already in the workbook, and whether our marker is on it. */
export interface ExistingSheet {
  name: string;
  ours: boolean;
}

/** The chosen name for one report sheet, and whether it replaces an earlier report sheet. */
export interface PlannedSheet {
  name: string;
  replaces: boolean;
}

const MAX_NAME = 31;

/** Removes characters Excel forbids in sheet names and keeps 31 characters. */
export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim();
  return (cleaned || 'NP Rapport').slice(0, MAX_NAME).trim();
}

/** `NP Avvikelser (2)`, shortening the base so the whole stays within 31 characters. */
export function numberedName(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = ` (${n})`;
  return `${base.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
}

/** True when `name` is `base` or `base (n)`: a sheet that could be one of ours for `base`. */
export function isCandidateName(name: string, base: string): boolean {
  const lower = name.toLowerCase();
  const b = cleanSheetName(base).toLowerCase();
  if (lower === b) return true;
  const m = /^(.*) \((\d+)\)$/.exec(lower);
  return m !== null && numberedName(b, Number(m[2])) === lower;
}

/**
 * Picks a name for each wanted sheet, in order.
 * @example planSheetNames(['NP Avvikelser'], [{ name: 'NP Avvikelser', ours: false }])
 *   // → [{ name: 'NP Avvikelser (2)', replaces: false }]
 */
export function planSheetNames(
  wanted: readonly string[],
  existing: readonly ExistingSheet[],
): PlannedSheet[] {
  const byLower = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  const chosen = new Set<string>();
  return wanted.map((raw) => {
    const base = cleanSheetName(raw);
    for (let n = 1; ; n++) {
      const name = numberedName(base, n);
      const lower = name.toLowerCase();
      if (chosen.has(lower)) continue;
      const there = byLower.get(lower);
      if (there && !there.ours) continue;
      chosen.add(lower);
      return there ? { name: there.name, replaces: true } : { name, replaces: false };
    }
  });
}

/** Plain-text tables and Swedish number formatting for the benchmark's printout. */

const nf0 = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const nf1 = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const nf2 = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Formats a number the Swedish way with 0, 1 or 2 decimals: `fmt(1234.5, 1)` → `1 234,5`. */
export function fmt(n: number | null | undefined, decimals: 0 | 1 | 2 = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  // Plain spaces, so columns line up in any terminal.
  // `signDisplay: 'auto'` still prints −0 for a tiny negative that rounds to zero: drop its sign.
  const text = (decimals === 0 ? nf0 : decimals === 1 ? nf1 : nf2).format(n).replace(/\s/g, ' ');
  return /^[-−]0([,.]0+)?$/.test(text) ? text.slice(1) : text;
}

/**
 * Renders rows under a header as an aligned plain-text table: first column left-aligned, the
 * others right-aligned. Example: `renderTable(['rader', 'ms'], [['25 000', '412']])`.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, c) =>
    rows.reduce((w, r) => Math.max(w, (r[c] ?? '').length), h.length),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

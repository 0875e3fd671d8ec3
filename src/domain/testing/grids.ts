import type { CellError, CellValue, SheetSnapshot, WorkbookSnapshot } from '../grid';

/** A sheet from literal rows (test helper). `formats` maps A1 addresses to number formats. */
export function sheetOf(
  name: string,
  rows: CellValue[][],
  opts: { formats?: Record<string, string>; merges?: string[]; errors?: CellError[] } = {},
): SheetSnapshot {
  const formats = rows.map((r) => r.map(() => 'General'));
  for (const [a1, f] of Object.entries(opts.formats ?? {})) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) continue;
    let col = 0;
    for (const ch of m[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
    const row = formats[Number(m[2]) - 1];
    if (row) row[col - 1] = f;
  }
  const sheet = {
    name,
    origin: { row: 1, col: 1 },
    values: rows,
    formats,
    merges: opts.merges ?? [],
  };
  return opts.errors ? { ...sheet, errors: opts.errors } : sheet;
}

/** A workbook of sheets (test helper). */
export function workbookOf(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: 'test.xlsx', sheets };
}

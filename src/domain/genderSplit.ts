/**
 * The gender split of an indicator's outcome (könsuppdelad statistik): kept, never dropped.
 */
import { toReportNumber } from './decimal';
import type { SheetGrid } from './sheetGrid';
import type { DetectedTable, TableColumn } from './tables';
import { isSourceNoteLabel } from './tables';

export const WOMEN = /(?<![\p{L}])(kvinnor|flickor)(?![\p{L}])/iu;
export const MEN = /(?<![\p{L}])(män|pojkar)(?![\p{L}])/iu;

/** True for a `Kvinnor` / `Män` (`Flickor` / `Pojkar`) column: a split of an outcome. */
export function isGenderColumn(c: TableColumn): boolean {
  return WOMEN.test(c.header.text) || MEN.test(c.header.text);
}

/** A women's and a men's column of one period. */
export interface GenderColumns {
  women: TableColumn;
  men: TableColumn;
}

/**
 * The `Kvinnor` and `Män` columns of a table: one pair, or one pair per period where the split
 * is printed for several years (`Utfall kvinnor 2017 | 2018 | 2019`, `Utfall män …`), paired by
 * their period. Null when they cannot be paired one to one.
 */
export function genderColumns(table: DetectedTable): readonly GenderColumns[] | null {
  const women = table.columns.filter((c) => WOMEN.test(c.header.text));
  const men = table.columns.filter((c) => MEN.test(c.header.text) && !WOMEN.test(c.header.text));
  if (women.length === 0 || women.length !== men.length) return null;
  if (women.length === 1 && men[0] && women[0]) return [{ women: women[0], men: men[0] }];
  const key = (c: TableColumn): string =>
    c.header.period ? `${c.header.period.year}-${c.header.period.month}` : '';
  const pairs: GenderColumns[] = [];
  for (const w of women) {
    const m = men.filter((c) => key(c) !== '' && key(c) === key(w));
    if (m.length !== 1 || !m[0]) return null;
    pairs.push({ women: w, men: m[0] });
  }
  return pairs;
}

/**
 * The gender split of an indicator's outcome (könsuppdelad statistik), kept, never dropped: from
 * `Kvinnor` / `Män` columns, from `Kvinnor` / `Män` rows right under it, or from the note of its
 * `Källa:` row (`Varav 85 kvinnor och 81 män`, `69 % av kvinnor och 70 % av män`), preferring the
 * note in the column of the outcome compared.
 */
export function genderSplit(
  grid: SheetGrid,
  table: DetectedTable,
  row: number,
  outcomeCol: TableColumn | null,
  cols: readonly GenderColumns[] | null,
): { women: number; men: number } | null {
  const num = (r: number, c: number): number | null => {
    const n = grid.number(r, c);
    return n ? toReportNumber(n.value) : null;
  };
  // Of several pairs, the one of the outcome's period; an outcome without a year (`Utfall` beside
  // `Utfall kvinnor 2022 | 2023`) is the table's latest period, so its pair is the latest.
  const when = (c: TableColumn | null): number =>
    c?.header.period ? c.header.period.year * 100 + c.header.period.month : 0;
  const latest = (a: GenderColumns, b: GenderColumns) => (when(b.women) > when(a.women) ? b : a);
  const pair =
    cols &&
    (cols.length === 1 || when(outcomeCol) === 0
      ? cols.reduce(latest)
      : cols.find((p) => when(p.women) === when(outcomeCol)));
  if (pair) {
    const women = num(row, pair.women.col);
    const men = num(row, pair.men.col);
    if (women !== null && men !== null) return { women, men };
  }
  // The two rows under it (data rows are consecutive sheet rows but for blank ones).
  const below = [row + 1, row + 2].filter((r) => r <= table.bottom);
  // `Kvinnor` and `Män` rows under the indicator, in the column of its outcome.
  if (outcomeCol) {
    const label = (r: number): string => grid.text(r, table.labelCol).trim();
    const w = below.find((r) => WOMEN.test(label(r)) && label(r).length < 12);
    const m = below.find((r) => MEN.test(label(r)) && label(r).length < 12);
    if (w !== undefined && m !== undefined) {
      const women = num(w, outcomeCol.col);
      const men = num(m, outcomeCol.col);
      if (women !== null && men !== null) return { women, men };
    }
  }
  const note = below.find((r) => isSourceNoteLabel(grid.text(r, table.labelCol)));
  if (note === undefined) return null;
  const texts = [
    ...(outcomeCol ? [grid.text(note, outcomeCol.col)] : []),
    ...grid.filledColumns(note).map((c) => grid.text(note, c)),
  ];
  for (const t of texts) {
    const m =
      /(\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(?:%\s*)?(?:(?:av|för)\s+)?(?:kvinnor|flickor)\w*\s+och\s+(\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(?:%\s*)?(?:(?:av|för)\s+)?(?:män|pojkar)/iu.exec(
        t,
      );
    if (!m) continue;
    const women = Number((m[1] ?? '').replace(/[\s\u00a0]/g, '').replace(',', '.'));
    const men = Number((m[2] ?? '').replace(/[\s\u00a0]/g, '').replace(',', '.'));
    if (Number.isFinite(women) && Number.isFinite(men)) return { women, men };
  }
  return null;
}

/**
 * Evaluates the fake's conditional formats for one cell, so tests can ask "which colour would
 * Excel show here" instead of checking rule objects.
 */
import type { FakeSheet } from './fakeModel';

const asText = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

/** The fill a cell shows through conditional formats (last matching rule wins), or null. */
export function conditionalFill(sheet: FakeSheet, row: number, col: number): string | null {
  const value = sheet.value(row, col);
  const text = value === undefined ? '' : String(value).toLowerCase();
  let fill: string | null = null;
  for (const cf of sheet.conditionalFormats) {
    const { rect, rule } = cf;
    if (row < rect.top || row > rect.bottom || col < rect.left || col > rect.right || !rule)
      continue;
    let hit = false;
    if (cf.type === 'CellValue' && rule['operator'] === 'EqualTo') {
      const m = /^="(.*)"$/.exec(asText(rule['formula1']));
      hit = m !== null && (m[1] ?? '').replace(/""/g, '"').toLowerCase() === text;
    } else if (cf.type === 'ContainsText') {
      const needle = asText(rule['text']).toLowerCase();
      const op = rule['operator'];
      hit =
        op === 'Contains'
          ? text.includes(needle)
          : op === 'NotContains'
            ? !text.includes(needle)
            : op === 'BeginsWith'
              ? text.startsWith(needle)
              : op === 'EndsWith'
                ? text.endsWith(needle)
                : false;
    }
    if (hit && cf.fillColor) fill = cf.fillColor;
  }
  return fill;
}

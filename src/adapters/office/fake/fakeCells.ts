/**
 * How Excel turns what an add-in writes into cell contents, and how it writes addresses:
 * the quirks an adapter must respect (strings that look like numbers become numbers unless the
 * cell is formatted as text `@`; `=` starts a formula; `null` leaves a cell unchanged).
 */
import { address } from '../../../domain/grid';
import type { FakeSheet, FakeValue, Rect } from './fakeModel';

/** Excel's sheet-name quoting in addresses: `'NP Avvikelser'!A1`, `Drift!A1`. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00c0-\u024f][A-Za-z0-9_.\u00c0-\u024f]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** `Sheet!A1:B2` (or `Sheet!A1` for one cell), 0-based rectangle in. */
export function rectAddress(sheet: string, rect: Rect): string {
  const a = address(rect.top + 1, rect.left + 1);
  const b = address(rect.bottom + 1, rect.right + 1);
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** Parses `A1`, `A1:C3`, `A:C`, `2:5` (no sheet part) into a 0-based rectangle. */
export function parseFakeAddress(text: string): Rect | null {
  const a1 = text.replace(/\$/g, '').trim().toUpperCase();
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const col = (letters: string): number =>
    [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const parts = a1.split(':');
  if (parts.length > 2) return null;
  const [p, q = p] = parts as [string, string?];
  if (p === undefined || q === undefined) return null;
  const mp = cell.exec(p);
  const mq = cell.exec(q);
  if (mp && mq) {
    const [r1, c1, r2, c2] = [
      Number(mp[2]) - 1,
      col(mp[1] ?? ''),
      Number(mq[2]) - 1,
      col(mq[1] ?? ''),
    ];
    return {
      top: Math.min(r1, r2),
      left: Math.min(c1, c2),
      bottom: Math.max(r1, r2),
      right: Math.max(c1, c2),
    };
  }
  if (/^[A-Z]{1,3}$/.test(p) && /^[A-Z]{1,3}$/.test(q)) {
    return {
      top: 0,
      left: Math.min(col(p), col(q)),
      bottom: 1048575,
      right: Math.max(col(p), col(q)),
    };
  }
  if (/^\d+$/.test(p) && /^\d+$/.test(q)) {
    const [r1, r2] = [Number(p) - 1, Number(q) - 1];
    return { top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: 16383 };
  }
  return null;
}

/** Days from 1899-12-30 (Excel's 1900 system, serials above 60). */
function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Excel's reading of a written string in a cell that is not formatted as text. */
function interpret(text: string): { value: FakeValue; formula?: string; format?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) {
    const link = /^=HYPERLINK\("([^"]*)"\s*[,;]\s*"([^"]*)"\)$/i.exec(text);
    return { value: link ? (link[2] ?? '') : '#NAME?', formula: text };
  }
  const t = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return { value: Number(t) };
  if (/^[-+]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, format: '0%' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { value: isoToSerial(t), format: 'yyyy-mm-dd' };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  return { value: text };
}

/** Applies one written value to a cell, as Excel would. */
export function writeCell(sheet: FakeSheet, r: number, c: number, input: unknown): void {
  if (input === null || input === undefined) return; // null: leave the cell unchanged
  if (input === '') {
    sheet.setValue(r, c, undefined);
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    sheet.setValue(r, c, input);
    sheet.setFormula(r, c, undefined);
    return;
  }
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  if (sheet.format(r, c) === '@') {
    sheet.setValue(r, c, text);
    sheet.setFormula(r, c, undefined);
    return;
  }
  const { value, formula, format } = interpret(text);
  sheet.setValue(r, c, value);
  sheet.setFormula(r, c, formula);
  if (format && sheet.format(r, c) === 'General') sheet.setFormat(r, c, format);
}

/** The text Excel would show (no locale formatting: enough for tests). */
export function displayText(v: FakeValue | undefined): string {
  return v === undefined ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

/** Office's valueTypes entry for a stored value. */
export function valueType(v: FakeValue | undefined): string {
  if (v === undefined) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA|EXTERNAL!)/.test(
    v,
  )
    ? 'Error'
    : 'String';
}

/**
 * The report's JSON written in pieces (issue 13: at 100 000 lines the whole text cost more than
 * the analysis) must be the very bytes the whole text was: `terminalJson(report, 2)` and a line
 * feed, for every fixture's report and for texts holding what a terminal could act on.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { terminalJson } from '../../src/cli/terminalText';
import { hasTerminalControl, jsonBytes, jsonTexts } from '../../src/cli/writeJson';
import { loadGolden, ROOT } from '../golden/helpers';

const whole = (value: object): string => `${terminalJson(value, 2)}\n`;
const fromBytes = (value: object, batch?: number): string =>
  Buffer.concat([...jsonBytes(value, batch)]).toString('utf8');
const fromTexts = (value: object, batch?: number): string => [...jsonTexts(value, batch)].join('');

const fixtures = [
  ...readdirSync(join(ROOT, 'tests', 'fixtures'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => `tests/fixtures/${f}`),
  ...readdirSync(join(ROOT, 'tests', 'fixtures', 'wild'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => `tests/fixtures/wild/${f}`),
  'examples/namndplan-exempel.xlsx',
];

describe('the JSON in pieces is byte for byte the whole text', () => {
  it('finds the fixtures (five seeds and the wild corpus)', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });

  it.each(fixtures)(
    '%s: the same bytes, in pieces of 3 elements and of the default size',
    async (file) => {
      const { report } = await loadGolden(file);
      const expected = whole(report);
      // Pieces of 3 cut every array of more than 3 items (variances, indicators, tables).
      expect(fromBytes(report, 3)).toBe(expected);
      expect(fromTexts(report, 3)).toBe(expected);
      expect(fromBytes(report)).toBe(expected);
    },
  );

  it('a report of 5 001 variances is cut into pieces and joined as one text', () => {
    const variances = Array.from({ length: 5_001 }, (_, i) => ({
      sheet: 'Drift',
      row: i + 3,
      label: `Hemtjänst område ${i} – intäkter`,
      variance: -i / 4,
      comment: null,
    }));
    const report = { schemaVersion: 1, variances, indicators: [], template: null };
    expect([...jsonBytes(report)].length).toBeGreaterThan(3);
    expect(fromBytes(report)).toBe(whole(report));
  });

  it('what JSON.stringify leaves out of an object is left out here too', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, 1], d: {}, e: [] };
    expect(fromBytes(value, 1)).toBe(whole(value));
    expect(fromBytes({})).toBe('{}\n');
    expect(fromBytes({ a: undefined })).toBe('{}\n');
  });
});

describe('texts a terminal could act on are escaped in the pieces as in the whole text', () => {
  // DEL, a C1 control (CSI), the Arabic letter mark, LRM, a line separator, a right-to-left
  // override and an isolate: each one escaped, wherever in the report it stands.
  const controls = ['\u007f', '\u009b', '\u061c', '\u200e', '\u2028', '\u202e', '\u2069'];

  const named = controls.map((c) => [c.charCodeAt(0).toString(16).padStart(4, '0'), c] as const);
  it.each(named)('U+%s in a label deep in a long array', (code, c) => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ label: i === 7 ? `a${c}2J` : 'rad' }));
    const value = { rows, workbook: 'plan.xlsx' };
    const text = fromBytes(value, 3);
    expect(text).toBe(whole(value));
    expect(text).toContain(`a\\u${code}2J`);
  });

  it('finds each of them in UTF-8, and none of the characters beside them', () => {
    for (const c of controls) expect(hasTerminalControl(Buffer.from(`x${c}y`))).toBe(true);
    // No-break space, en dash, minus sign, Ø, å, U+2030 and U+206A: common in a Swedish
    // workbook or next to a control in the same UTF-8 lead byte, never escaped.
    for (const c of ['\u00a0', '\u2013', '\u2212', '\u00d8', 'å', '\u2030', '\u206a', '\u200d']) {
      expect(hasTerminalControl(Buffer.from(`x${c}y`))).toBe(false);
    }
  });
});

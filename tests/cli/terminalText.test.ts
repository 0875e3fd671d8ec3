/**
 * Regression tests for issue 12 item 6: labels and sheet names were printed raw in the summary, so
 * a workbook could clear the screen, set the window title or write the clipboard. Everything the
 * command prints now has its control characters escaped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../src/cli/runCli';
import { terminalField, terminalJson, terminalText } from '../../src/cli/terminalText';
import { hostileTexts } from '../hostile/helpers/hostileWorkbooks';

// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

describe('terminal escapes are printed escaped', () => {
  it('shows each control character as its code, a line break in a field as a space', () => {
    expect(terminalField('Budget\r\n2023\u001b[2J\u0007')).toBe('Budget 2023\\x1B[2J\\x07');
    expect(terminalField('a\u009b31m\u202eb')).toBe('a\\x9B31m\\u202Eb');
    expect(terminalText('rad 1\nrad\u001b]0;titel\u0007 2\n')).toBe(
      'rad 1\nrad\\x1B]0;titel\\x07 2\n',
    );
    expect(terminalJson({ label: 'a\u009b2J\u2028' })).toBe('{"label":"a\\u009b2J\\u2028"}');
    expect(JSON.parse(terminalJson({ label: 'a\u009b2J\u2028' }))).toEqual({
      label: 'a\u009b2J\u2028',
    });
  });

  describe('in the summary and the error lines', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'np-terminal-'));
      writeFileSync(join(dir, 'plan.xlsx'), hostileTexts());
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('a label that sets the window title, clears the screen and writes the clipboard', async () => {
      const out = io();
      expect(await runCli(['analyze', join(dir, 'plan.xlsx')], out)).toBe(0);
      const summary = out.out.join('');
      expect(summary).not.toMatch(RAW_CONTROL);
      expect(summary).toContain('Äldre\\x1B]0;pwned\\x07omsorg');
      expect(summary).toContain('\\x1B]52;c;');
    });

    it('the same workbook as JSON on standard output: valid, with no raw control character', async () => {
      const out = io();
      expect(await runCli(['analyze', join(dir, 'plan.xlsx'), '--json', '-'], out)).toBe(0);
      const json = out.out.join('');
      expect(json).not.toMatch(RAW_CONTROL);
      expect(JSON.stringify(JSON.parse(json))).toContain('\\u001b]0;pwned');
    });

    it('a file name with an escape and a line break is one escaped error line', async () => {
      const out = io();
      const name = 'plan\u001b[2J\nnamndplan: allt väl.xlsx';
      expect(await runCli(['analyze', join(dir, name)], out)).toBe(2);
      expect(out.err).toEqual(['namndplan: plan\\x1B[2J namndplan: allt väl.xlsx: finns inte\n']);
    });
  });
});

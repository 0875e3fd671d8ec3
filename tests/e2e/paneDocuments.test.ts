/**
 * End to end, the document tables from the standalone pane at 350×800: "Ladda ner Word" writes the
 * same .docx as the CLI's `--docx` (both opened by LibreOffice, an independent program, converted
 * to PDF and read back with pdftotext), the `docx` package is fetched only when the button is used,
 * and "Kopiera" puts a real table on the clipboard as HTML and tab-separated text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runCli } from '../../src/cli/runCli';
import { describeWithChromium, screenshot } from './helpers/browser';
import { ROOT } from './helpers/buildDist';
import { FIXTURES, openWorkbook, paneSuite } from './helpers/pane';

const OUT = join(ROOT, 'test-results', 'e2e-docx');
const HAS_TOOLS =
  spawnSync('which', ['soffice']).status === 0 && spawnSync('which', ['pdftotext']).status === 0;
/** The Word writer's chunk and the `docx` package's (webpack.config.js names both). */
const DOCX_CHUNK = /\/docx(-lib)?\.[0-9a-f]{8}\.js$/;

/** The PDF text LibreOffice makes of each .docx, white space folded, U+2212 read as `-`. */
function pdfTexts(files: string[]): string[] {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${OUT}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      join(OUT, 'pdf'),
      ...files,
    ],
    { stdio: 'pipe', timeout: 240_000 },
  );
  return files.map((f) => {
    const pdf = join(OUT, 'pdf', f.replace(/^.*\//, '').replace(/\.docx$/, '.pdf'));
    return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .replace(/\u2212/g, '-')
      .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
      .trim();
  });
}

describeWithChromium('the document tables from the pane', () => {
  const pane = paneSuite();
  let page: Page;

  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
  });

  beforeEach(async () => {
    page = await pane.open();
  });

  test('Ale 2024: "Ladda ner Word" fetches docx only then, and writes what the CLI’s --docx writes', async () => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await openWorkbook(page, 'ale-2024.xlsx');
    await page.getByRole('tab', { name: 'Tabeller' }).click();
    const button = page.getByRole('button', { name: 'Ladda ner Word' });
    await button.waitFor();
    await screenshot(page, 'pane350-documents-ale-2024');
    expect(fetched.filter((p) => DOCX_CHUNK.test(p))).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('ale-2024-rapport.docx');
    const fromPane = join(OUT, 'pane-ale-2024.docx');
    await download.saveAs(fromPane);
    expect(fetched.filter((p) => DOCX_CHUNK.test(p)).length).toBe(2);
    expect(await page.getByTestId('copy-status').textContent()).toBe(
      'Laddade ner ale-2024-rapport.docx.',
    );

    const fromCli = join(OUT, 'cli-ale-2024.docx');
    const code = await runCli(
      ['analyze', join(FIXTURES, 'ale-2024.xlsx'), '--docx', fromCli, '--quiet'],
      { stdout: () => undefined, stderr: (t) => process.stderr.write(t) },
    );
    expect(code).toBe(0);
    if (!HAS_TOOLS) {
      if (process.env.CI) throw new Error('soffice or pdftotext missing: see .ci/run');
      console.warn('soffice or pdftotext missing: the LibreOffice half is skipped.');
      return;
    }
    const [pane, cli] = pdfTexts([fromPane, fromCli]);
    // What the seed prints (Ale 2024, Ekonomisk sammanställning): Totalt −683 434 budget,
    // −690 434 prognos, underskott −7 000 tkr, −1,0 %.
    expect(pane).toContain('Tabell 1. Ekonomisk sammanställning socialnämnden, prognos 2023 (tkr)');
    expect(pane).toContain('Totalt -683 434 -690 434 -7 000 -1,0 %');
    expect(pane).toContain('Funktionsstöd -209 491 -217 231 -7 740 -3,7 %');
    expect(pane).toBe(cli);
  }, 300_000);

  test('Ale 2024: "Kopiera" puts the table on the clipboard as an HTML table and as TSV', async () => {
    await openWorkbook(page, 'ale-2024.xlsx');
    await page.getByRole('tab', { name: 'Tabeller' }).click();
    const copy = page.getByRole('button', { name: /^Kopiera tabellen Ekonomisk sammanställning/ });
    await copy.click();
    await page
      .getByTestId('copy-status')
      .filter({ hasText: /^Kopierade Ekonomisk sammanställning/ })
      .waitFor();
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      const read = async (type: string): Promise<string> =>
        item.types.includes(type) ? (await item.getType(type)).text() : '';
      return { types: item.types, html: await read('text/html'), text: await read('text/plain') };
    });
    expect(clip).not.toBeNull();
    expect(clip!.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    // The HTML is a table: header row, the Totalt row with the seed's figures, bold.
    const html = clip!.html;
    expect(html).toMatch(/<table[\s>]/);
    expect(html).toMatch(/<th[^>]*>Budget 2023<\/th>/);
    const totalt = /<tr>(?:(?!<\/tr>).)*>Totalt<(?:(?!<\/tr>).)*<\/tr>/.exec(html)?.[0] ?? '';
    expect(totalt).toContain('font-weight:bold');
    // The browser writes the no-break space of `−683 434` as &nbsp;.
    expect(totalt).toMatch(/>\u2212683(&nbsp;|\u00a0)434</);
    expect(totalt).toMatch(/>\u22127(&nbsp;|\u00a0)000</);
    expect(totalt).toMatch(/>\u22121,0(&nbsp;|\u00a0)%</);
    // The text: tab-separated, numbers as Swedish Excel reads them.
    const rows = clip!.text.split('\r\n').map((line) => line.split('\t'));
    expect(rows[0]?.[0]).toMatch(/^Ekonomisk sammanställning socialnämnden/);
    expect(rows.find((r) => r[0] === 'Totalt')).toEqual([
      'Totalt',
      '-683434',
      '-690434',
      '-7000',
      '-1,0%',
    ]);
  });
});

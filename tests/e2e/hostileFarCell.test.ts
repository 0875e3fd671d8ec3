/**
 * End to end, issue 12 item 3 at the browser door: the built pane in Debian's Chromium outside
 * Office reads sheets whose cells lie far apart (A1 and XFD1048576, a table with a stray far
 * cell, 100 000 merged areas) in its worker and shows the results the CLI reports, where the grid
 * expanded densely used to crash the tab; a cell past Excel's own sheet ends in the reader's one
 * message. Screenshots: test-results/screenshots/far-cell-*.png.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import { analyzeWorkbook } from '../../src/domain/analyze';
import type { Report } from '../../src/domain/report';
import { rawXlsx } from '../cli/helpers/rawXlsx';
import { manyMergedAreas, twoFarCells, withStrayCell } from '../hostile/helpers/farCells';
import { budgetRows } from '../hostile/helpers/hostileWorkbooks';
import { describeWithChromium, screenshot } from './helpers/browser';
import { paneSuite } from './helpers/pane';

describeWithChromium('standalone pane: sheets whose cells lie far apart', () => {
  const pane = paneSuite({ width: 420, height: 900 });
  let page: Page;
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'namndplan-e2e-far-'));
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await pane.open();
  });

  function write(name: string, bytes: Uint8Array): string {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  }

  /** Picks `path`, waits for the summary (within `seconds`) and returns the JSON it downloads. */
  async function analyse(path: string, seconds: number): Promise<Report> {
    const started = Date.now();
    await page.setInputFiles('[data-testid="file-input"]', path);
    await page
      .getByRole('heading', { name: /Sammanfattning/ })
      .waitFor({ timeout: seconds * 1000 });
    expect(Date.now() - started).toBeLessThan(seconds * 1000);
    expect(await page.getByRole('alert').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner JSON' }).click(),
    ]);
    const saved = `${path}.json`;
    await download.saveAs(saved);
    return JSON.parse(readFileSync(saved, 'utf8')) as Report;
  }

  /** The report the CLI makes of `path`, as JSON would carry it. */
  async function cliReport(path: string): Promise<Report> {
    const report = analyzeWorkbook(await readWorkbookFile(path), { riskThreshold: 12 });
    return JSON.parse(JSON.stringify(report)) as Report;
  }

  test('values only in A1 and XFD1048576 (was: a crashed tab): two one-cell tables, as the CLI says', async () => {
    const path = write('glest.xlsx', twoFarCells('XFD1048576'));
    const shown = await analyse(path, 20);
    expect(shown.tables.map((t) => t.range)).toEqual(['A1:A1', 'XFD1048576:XFD1048576']);
    expect(shown).toEqual(await cliReport(path));
    await screenshot(page, 'far-cell-a1-xfd1048576');
  }, 60_000);

  test('a budget table and a stray value in XFD1048576: the table’s variances as without it', async () => {
    const plain = rawXlsx([{ name: 'Drift', rowsXml: budgetRows() }]);
    const path = write(
      'tabell-glest.xlsx',
      withStrayCell(plain, 'xl/worksheets/sheet1.xml', 'XFD1048576', 7),
    );
    const shown = await analyse(path, 20);
    expect(shown.variances.map((v) => [v.label, v.variance])).toEqual([
      ['Äldreomsorg', -100],
      ['Individ- och familjeomsorg', 50],
      ['Totalt', -50],
    ]);
    expect(shown.variances).toEqual((await cliReport(write('tabell.xlsx', plain))).variances);
    await screenshot(page, 'far-cell-stray');
  }, 60_000);

  test('100 000 merged areas (was: Map maximum size exceeded): the table under them analysed', async () => {
    const path = write('sammanfogat.xlsx', manyMergedAreas(100_000));
    const shown = await analyse(path, 30);
    expect(shown.tables.map((t) => t.range)).toEqual(['A2:D5']);
    expect(shown.variances.map((v) => v.variance)).toEqual([-100, 50, -50]);
  }, 90_000);

  test.each([
    ['A50000000', /bladet Glest når cell A50000000, bortom Excels 1 048 576 rader/],
    ['XFE1', /bladet Glest når cell XFE1, bortom Excels 16 384 kolumner/],
  ])(
    'a cell in %s, past Excel’s sheet: the reader’s message, and the pane goes on',
    async (ref, says) => {
      const path = write(`utanfor-${ref}.xlsx`, twoFarCells(ref));
      await page.setInputFiles('[data-testid="file-input"]', path);
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      expect(await alert.innerText()).toMatch(/är för stor för att läsas/);
      expect(await alert.innerText()).toMatch(says);
      await screenshot(page, `far-cell-beyond-${ref}`);
      const again = write('tabell.xlsx', rawXlsx([{ name: 'Drift', rowsXml: budgetRows() }]));
      expect((await analyse(again, 20)).variances).toHaveLength(3);
    },
    60_000,
  );
});

/**
 * End to end, the browser door's Web Worker: the built pane in Debian's Chromium outside Office.
 * A large generated workbook shows progress that moves and can be cancelled, after which the pane
 * analyses again; the page answers clicks while the worker works; what the page shows is what
 * the CLI reports; and hostile files made at run time (zip bombs, a lying header, 1,6 GB of
 * zeros, a 3 GiB "zip") end in the reader's own message, never a crashed tab. Far-cell sheets,
 * now read: `hostileFarCell.test.ts`.
 * Screenshots: test-results/screenshots/worker-*.png.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import { analyzeWorkbook } from '../../src/domain/analyze';
import type { Report } from '../../src/domain/report';
import { writeBenchWorkbook } from '../../scripts/bench/generateWorkbook';
import { sheetBomb, sharedStringsBomb } from '../hostile/helpers/hostileWorkbooks';
import { describeWithChromium, SCREENSHOTS, screenshot } from './helpers/browser';
import { paneSuite } from './helpers/pane';
import { ROOT } from './helpers/buildDist';

const FIXTURES = join(ROOT, 'tests', 'fixtures');

describeWithChromium('standalone pane: the analysis worker in Chromium', () => {
  const pane = paneSuite({ width: 420, height: 900 });
  let page: Page;
  let dir: string;
  let big: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'namndplan-e2e-worker-'));
    // 100 000 budget lines: a second or two in the worker, long enough to watch and to cancel.
    big = writeBenchWorkbook(join(dir, 'driftredovisning-100000.xlsx'), {
      lines: 100_000,
      indicators: 5_000,
    }).path;
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    page = await pane.open();
  });

  const pick = (path: string): Promise<void> =>
    page.setInputFiles('[data-testid="file-input"]', path);
  const progressText = (): Promise<string> =>
    page.getByText(/^(Läser|Reading|Analyserar|Analysing)/).innerText();

  test('a long run shows progress that moves, can be cancelled, and the pane analyses again', async () => {
    await pick(big);
    const cancel = page.getByRole('button', { name: 'Avbryt' });
    await cancel.waitFor();
    // The sheet being read, and its rows as they are read, then the analysis: the reader is fast
    // enough that a sheet's rows may show for a moment only, so the texts are sampled often.
    const seen = new Set<string>();
    for (let i = 0; i < 400 && !(seen.has('Analyserar…') && seen.size >= 2); i++) {
      const text = await progressText().catch(() => '');
      if (text !== '') seen.add(text.trim());
      await page.waitForTimeout(10);
    }
    expect([...seen].some((t) => /^Läser Drift \(blad 1 av 2\): [\d\s]+ rader…$/.test(t))).toBe(
      true,
    );
    expect(seen.size).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'worker-progress');

    await cancel.click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Avbrutet\./ })
      .waitFor();
    expect(await cancel.count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Sammanfattning' }).count()).toBe(0);
    const analyse = page.getByRole('button', { name: 'Analysera arbetsboken' });
    await page.waitForFunction(
      () => document.activeElement?.textContent === 'Analysera arbetsboken',
    );
    await screenshot(page, 'worker-cancelled');

    // The same file, to the end this time (a new worker, started when the old one was stopped).
    await analyse.click();
    await page.getByRole('heading', { name: /^Fynd \(\d+\)$/ }).waitFor({ timeout: 30_000 });
    const heading = await page.getByRole('heading', { name: /^Fynd/ }).innerText();
    expect(Number(/\((\d+)\)/.exec(heading)?.[1])).toBeGreaterThan(10_000);
    // A page of the worst 200, not tens of thousands of buttons.
    const items = page.getByRole('list', { name: 'Fynd' }).getByRole('listitem');
    expect(await items.count()).toBe(200);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(
      10_000,
    );
    await page.getByRole('button', { name: 'Visa 200 till' }).click();
    expect(await items.count()).toBe(400);
    // Focus on the first new finding; Tab goes on to the next.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.ariaPosInSet)).toBe(
      '201',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.ariaPosInSet)).toBe(
      '202',
    );
    // The viewport only: the whole page of 400 findings is 40 000 pixels tall.
    await page.screenshot({ path: join(SCREENSHOTS, 'worker-results.png') });
  }, 120_000);

  test('the page answers clicks while the worker reads and analyses', async () => {
    await pick(big);
    await page.getByRole('button', { name: 'Avbryt' }).waitFor();
    const started = Date.now();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText(/^(Reading|Analysing)/).waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    await page.getByRole('heading', { name: 'Summary' }).waitFor({ timeout: 30_000 });
  }, 60_000);

  test.each(['ale-2024.xlsx', 'mark-2024.xlsx'])(
    '%s: the JSON the page downloads is the report the CLI makes',
    async (name) => {
      await pick(join(FIXTURES, name));
      await page.getByRole('heading', { name: /Sammanfattning/ }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Ladda ner JSON' }).click(),
      ]);
      const path = join(dir, `${name}.json`);
      await download.saveAs(path);
      const shown = JSON.parse(readFileSync(path, 'utf8')) as Report;
      const cli = analyzeWorkbook(await readWorkbookFile(join(FIXTURES, name)), {
        riskThreshold: 12,
      });
      expect(shown).toEqual(JSON.parse(JSON.stringify(cli)));
      // The page's own scripts hold no workbook reader: the worker loaded it, not the page. (The
      // page fetches the worker's entry script, named after the worker, to start it.)
      const fetched = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.endsWith('.js') && !p.includes('office-js')),
      );
      expect(fetched).toContainEqual(expect.stringMatching(/^\/namndplan-analysis\.\w+\.js$/));
      const scripts = fetched.filter((p) => !p.startsWith('/namndplan-analysis.'));
      expect(scripts).toContainEqual(expect.stringMatching(/^\/taskpane\.\w+\.js$/));
      for (const script of scripts) {
        const code = readFileSync(join(pane.dist, script), 'utf8');
        expect(`${script}: ${/SheetJS|namndplan-stream-marker/.test(code)}`).toBe(
          `${script}: false`,
        );
      }
    },
  );

  /** Writes a hostile file into the temp folder, by bytes or as a sparse file of `size`. */
  function hostile(name: string, bytes: Uint8Array, size?: number): string {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    if (size !== undefined) truncateSync(path, size);
    return path;
  }

  const cases: [string, () => string, RegExp][] = [
    [
      'a 13 MB zip bomb whose sheet inflates to 3,4 GiB',
      () => hostile('bomb.xlsx', sheetBomb(3.4)),
      /Det gick inte\s*bomb\.xlsx: är för stor för att läsas \(arbetsboken \(mest xl\/worksheets\/sheet2\.xml\) packas upp till 3,4 GiB/,
    ],
    [
      'a sheet whose header lies about its size',
      () => hostile('ljuger.xlsx', sheetBomb(3.4, 5000)),
      /Det gick inte\s*ljuger\.xlsx: är för stor för att läsas \(xl\/worksheets\/sheet2\.xml packas upp till mer än de 4,9 kB den anger\)/,
    ],
    [
      'a bloated shared-strings part',
      () => hostile('strangar.xlsx', sharedStringsBomb(2)),
      /Det gick inte\s*strangar\.xlsx: är för stor för att läsas/,
    ],
    [
      'a 1,6 GB file of zeros',
      () => hostile('nollor.xlsx', new Uint8Array(0), 1_600_000_000),
      /Det gick inte\s*nollor\.xlsx: är inte en Excel-arbetsbok \(\.xlsx\)\s*Försök igen$/,
    ],
    [
      'a 3 GiB file that starts like a zip',
      () => hostile('tre-gib.xlsx', new Uint8Array([0x50, 0x4b, 3, 4]), 3 * 2 ** 30),
      /Det gick inte\s*tre-gib\.xlsx: är för stor för att läsas \(filen är 3 GiB; gränsen är 512 MiB\)\s*Försök igen$/,
    ],
  ];

  test.each(cases)(
    '%s: a message, not a crashed tab, and the pane goes on',
    async (_name, make, says) => {
      const path = make();
      const started = Date.now();
      await pick(path);
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      expect(Date.now() - started).toBeLessThan(20_000);
      // The title, then the reader's own words.
      expect(await alert.innerText()).toMatch(says);
      await alert.getByRole('button', { name: 'Försök igen' }).waitFor();
      await screenshot(page, `worker-hostile-${path.split('/').pop()?.replace('.xlsx', '')}`);
      rmSync(path, { force: true });

      // The same pane, the same tab: a good workbook is analysed next.
      await pick(join(FIXTURES, 'ale-2024.xlsx'));
      await page
        .getByRole('list', { name: /Fynd/ })
        .getByRole('button', { name: /Totalt \(Prognos 2023\)/ })
        .waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
    },
    60_000,
  );
});

/**
 * End to end, inside a stand-in Office host: the built pane (taskpane-fake.html, from
 * `--env testHost`) loads src/adapters/office/fake's browser entry instead of office.js, so
 * `Office.onReady` reports Excel and `Excel.run` runs over the in-memory Excel seeded with a
 * workbook rebuilt from a seed. Clicks through: analyse, select a finding's cell, write the report
 * sheets, write again (asked first, user sheets untouched), and an Excel busy error with retry.
 * Screenshots: test-results/screenshots/excel-*.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeWithChromium, launchChromium, screenshot } from './helpers/browser';
import { fakeExcelSuite } from './helpers/fakeExcelPane';
import { buildDist, ROOT } from './helpers/buildDist';
import { serveStatic, type StaticServer } from './helpers/staticServer';

interface FakeHandle {
  model: {
    sheets: { name: string; values: unknown[][] }[];
    selection: { sheet: string; address: string } | null;
  };
  setCellEditMode(code: string | null): void;
}

describeWithChromium('task pane in a stand-in Excel', () => {
  const excel = fakeExcelSuite(join(ROOT, 'tests', 'fixtures', 'ale-2024.xlsx'), {
    width: 420,
    height: 900,
  });
  let page: Page;

  /** The fake workbook's sheets, read in the page: name and values. */
  const sheets = (): Promise<{ name: string; values: unknown[][] }[]> =>
    page.evaluate(() => {
      const h = (window as unknown as { __namndplanFakeExcel: FakeHandle }).__namndplanFakeExcel;
      return h.model.sheets.map((s) => ({ name: s.name, values: s.values }));
    });

  beforeAll(() => {
    page = excel.page;
  });

  test('analysing reads the live workbook; clicking a finding selects its cell', async () => {
    await page.getByRole('button', { name: 'Analysera arbetsboken' }).click();
    const totalt = page
      .getByRole('list', { name: /Fynd/ })
      .getByRole('button', { name: /Totalt \(Prognos 2023\)/ });
    await totalt.waitFor();
    const ref = /Ekonomi!([A-Z]+\d+)/.exec((await totalt.textContent()) ?? '');
    expect(ref).not.toBeNull();

    await totalt.click();
    await page
      .getByRole('status')
      .filter({ hasText: `Markerade ${ref![0]}.` })
      .waitFor();
    const selection = await page.evaluate(
      () =>
        (window as unknown as { __namndplanFakeExcel: FakeHandle }).__namndplanFakeExcel.model
          .selection,
    );
    expect(selection).toEqual({ sheet: 'Ekonomi', address: ref![1] });
    await screenshot(page, 'excel-ale-2024-findings');
  });

  test('writes report sheets; a second run asks and leaves the user’s sheets alone', async () => {
    const before = await sheets();
    const userNames = before.map((s) => s.name);

    await page.getByRole('button', { name: 'Skriv rapportblad' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Klart:/ })
      .waitFor();
    const first = await sheets();
    const reportNames = first.map((s) => s.name).filter((n) => !userNames.includes(n));
    expect(reportNames).toEqual(
      expect.arrayContaining([
        'NP Avvikelser',
        'NP Måluppfyllelse',
        'NP Internkontroll',
        'NP Kontroller',
      ]),
    );
    const npAvvikelser = first.find((s) => s.name === 'NP Avvikelser')!;
    expect(npAvvikelser.values.some((row) => row.includes('Totalt') && row.includes(-7000))).toBe(
      true,
    );
    await screenshot(page, 'excel-ale-2024-written');

    // Second run: the pane asks before replacing; Avbryt writes nothing.
    await page.getByRole('button', { name: 'Skriv rapportblad' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/NP Avvikelser/);
    await screenshot(page, 'excel-ale-2024-confirm');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Inget skrevs/ })
      .waitFor();

    await page.getByRole('button', { name: 'Skriv rapportblad' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ersätt' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Ersatte/ })
      .waitFor();
    const second = await sheets();
    // Same sheets, no duplicates; the user's sheets hold exactly what they held.
    expect(second.map((s) => s.name).sort()).toEqual(first.map((s) => s.name).sort());
    for (const name of userNames) {
      expect(second.find((s) => s.name === name)?.values).toEqual(
        before.find((s) => s.name === name)?.values,
      );
    }
  });

  test('a cell being edited gives a message with a retry that then works', async () => {
    await page.evaluate(() =>
      (
        window as unknown as { __namndplanFakeExcel: FakeHandle }
      ).__namndplanFakeExcel.setCellEditMode('InvalidOperationInCellEditMode'),
    );
    await page.getByRole('button', { name: 'Analysera igen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/cell redigeras/);
    await screenshot(page, 'excel-cell-edit-error');

    await page.evaluate(() =>
      (
        window as unknown as { __namndplanFakeExcel: FakeHandle }
      ).__namndplanFakeExcel.setCellEditMode(null),
    );
    await alert.getByRole('button', { name: 'Försök igen' }).click();
    await alert.waitFor({ state: 'detached' });
    await page
      .getByRole('list', { name: /Fynd/ })
      .getByRole('button', { name: /Totalt \(Prognos 2023\)/ })
      .waitFor();
  });
});

describeWithChromium('task pane in a stand-in Excel that starts slowly, in English', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const dist = await buildDist();
    server = await serveStatic(dist);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a starting state shows at once, then the pane in Office’s display language', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 700 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w['__NAMNDPLAN_FAKE_OFFICE__'] = {
        name: 'Tom.xlsx',
        sheets: [{ name: 'Blad1', values: [['Verksamhet', 'Budget 2023', 'Utfall 2023']] }],
      };
      // Office takes 2,5 s to answer onReady, and its display language is English.
      w['__NAMNDPLAN_FAKE_HOST__'] = { readyDelayMs: 2500, displayLanguage: 'en-US' };
    });
    const started = Date.now();
    await page.goto(`${server.url}/taskpane-fake.html`);
    const starting = page.getByRole('status').filter({ hasText: /Startar Nämndplan/ });
    await starting.first().waitFor({ timeout: 2000 });
    expect(Date.now() - started).toBeLessThan(2500); // seen before Office answered
    expect(await page.locator('body').getAttribute('data-host')).toBeNull();
    await screenshot(page, 'excel-starting');
    await page.waitForSelector('body[data-host="excel"]', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Analyse workbook' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

/**
 * End to end, standalone mode: the built pane (production build, local office.js) in Debian's
 * Chromium outside Office. Loads workbooks rebuilt from the seeds, checks the findings a
 * controller must see, downloads the report workbook and the JSON, and reads them back.
 * Screenshots: test-results/screenshots/standalone-*.png.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import type { Report } from '../../src/domain/report';
import { describeWithChromium, launchChromium, screenshot } from './helpers/browser';
import { buildDist, ROOT } from './helpers/buildDist';
import { serveStatic, type StaticServer } from './helpers/staticServer';

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const DOWNLOADS = join(ROOT, 'test-results', 'e2e-downloads');

describeWithChromium('standalone pane in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const dist = await buildDist();
    server = await serveStatic(dist);
    browser = await launchChromium();
    mkdirSync(DOWNLOADS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 420, height: 900 },
      locale: 'sv-SE',
    });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/taskpane.html`);
    // office.js loaded, Office.onReady reported no host: the pane chose the file host.
    await page.waitForSelector('body[data-host="file"]');
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  async function openWorkbook(name: string): Promise<void> {
    await page.setInputFiles('[data-testid="file-input"]', join(FIXTURES, name));
    await page.getByRole('heading', { name: /Sammanfattning/ }).waitFor();
  }

  test('opens without Office, with the file picker as the primary action', async () => {
    await page.getByRole('group', { name: 'Välj eller släpp en arbetsbok' }).waitFor();
    // Nothing to analyse yet: the primary action picks the workbook, not a disabled analyse.
    expect(await page.getByRole('button', { name: 'Välj arbetsbok…' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Analysera arbetsboken' }).count()).toBe(0);
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
      'object',
    );
    await screenshot(page, 'standalone-empty');
    // Nothing the page asked for was missing (office.js needs no more files outside Office).
    expect(server.missing.filter((p) => p !== '/favicon.ico')).toEqual([]);
  });

  test('Mark 2024: "Antal berörda barn vid vräkningar" is not met (prognos 3 against =0)', async () => {
    await openWorkbook('mark-2024.xlsx');
    const finding = page.getByRole('button', {
      name: /Antal berörda barn vid vräkningar: ej uppfyllt/,
    });
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/Mål =0, utfall 3\./);
    expect(await finding.textContent()).toMatch(/Mål!A\d+/);
    expect(Number(await page.getByTestId('summary-not-met').textContent())).toBeGreaterThanOrEqual(
      1,
    );
    await screenshot(page, 'standalone-mark-2024');

    await page.getByRole('tab', { name: /^Indikatorer/ }).click();
    const items = page.getByRole('list', { name: 'Fynd' }).getByRole('button');
    // The group holds only indicators, worst (not met) first.
    expect(await items.first().getAttribute('data-group')).toBe('indicators');
    expect(await items.first().getAttribute('data-severity')).toBe('warning');
    await screenshot(page, 'standalone-mark-2024-indicators');
  });

  test('Ale 2024: the 2023 Totalt underskott of -7 000 tkr, report workbook and JSON', async () => {
    await openWorkbook('ale-2024.xlsx');
    const totalt = page
      .getByRole('list', { name: /Fynd/ })
      .getByRole('button', { name: /Totalt \(Prognos 2023\)/ });
    await totalt.waitFor();
    const text = (await totalt.textContent())?.replace(/\s/g, ' ') ?? '';
    expect(text).toMatch(/Avvikelse -7 000 \(-1,0 %\) mot Budget 2023/);
    const ref = /Ekonomi!([A-Z]+\d+)/.exec(text)?.[0];
    expect(ref).toBeDefined();

    // Standalone cannot select a cell: the pane says where it is instead.
    await totalt.click();
    await page
      .getByRole('status')
      .filter({ hasText: `gå till ${ref}` })
      .waitFor();
    await screenshot(page, 'standalone-ale-2024');

    // The report workbook, read back with ExcelJS and with our own reader.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner rapport (.xlsx)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('ale-2024-rapport.xlsx');
    const xlsxPath = join(DOWNLOADS, 'ale-2024-rapport.xlsx');
    await xlsx.saveAs(xlsxPath);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxPath);
    const sheet = book.getWorksheet('NP Avvikelser');
    expect(sheet).toBeDefined();
    const rows: unknown[][] = [];
    sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const totalRow = rows.find((r) => r.includes('Totalt'));
    expect(totalRow).toContain(-7000);
    const snapshot = await readWorkbookFile(xlsxPath);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'NP Avvikelser',
        'NP Måluppfyllelse',
        'NP Internkontroll',
        'NP Kontroller',
      ]),
    );

    // The JSON report, as the CLI writes it.
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('ale-2024-rapport.json');
    const jsonPath = join(DOWNLOADS, 'ale-2024-rapport.json');
    await json.saveAs(jsonPath);
    const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.workbook).toBe('ale-2024.xlsx');
    const v = report.variances.find((x) => x.label === 'Totalt' && x.actual.includes('Prognos'));
    expect(v).toMatchObject({ baselineValue: -683434, actualValue: -690434, variance: -7000 });
  });

  test('English switch, and a file that is no workbook gives a message, not a blank pane', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: 'Choose workbook…' }).waitFor();
    await page.setInputFiles('[data-testid="file-input"]', {
      name: 'not-a-workbook.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('this is plain text, not a zip'),
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // In English, said again from the error's reason code (the engine's words are Swedish).
    expect(await alert.textContent()).toMatch(
      /not-a-workbook\.xlsx: is not an Excel workbook \(\.xlsx\)\./,
    );
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    await screenshot(page, 'standalone-error-en');
  });
});

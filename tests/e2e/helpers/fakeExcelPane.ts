/**
 * The pane in the stand-in Excel (`taskpane-fake.html`): the in-memory Excel holding a fixture's
 * workbook, the pane running on it as in Excel. Shared by the Office-door e2e suites.
 */
import type { Browser, Page } from 'playwright-core';
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbookFile';
import { launchChromium } from './browser';
import { buildDist } from './buildDist';
import { serveStatic, type StaticServer } from './staticServer';

/**
 * A page on the pane in the stand-in Excel holding `workbookPath`, its page errors pushed to
 * `errors`. Example: `await openFakeExcelPane(browser, server.url, mark, { width: 350, height: 800 }, [])`.
 */
export async function openFakeExcelPane(
  browser: Browser,
  url: string,
  workbookPath: string,
  viewport: { width: number; height: number },
  errors: string[],
): Promise<Page> {
  const workbook = await readWorkbookFile(workbookPath);
  const page = await (await browser.newContext({ viewport })).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(
    (fixture) => {
      (window as unknown as { __NAMNDPLAN_FAKE_OFFICE__: unknown }).__NAMNDPLAN_FAKE_OFFICE__ =
        fixture;
    },
    JSON.parse(JSON.stringify(workbook)) as unknown,
  );
  await page.goto(`${url}/taskpane-fake.html`);
  await page.waitForSelector('body[data-host="excel"]');
  return page;
}

/** What a stand-in-Excel suite has once its hooks have run (`fakeExcelSuite`). */
export interface FakeExcelSuite {
  /** The one page of the suite, on the pane in the stand-in Excel. */
  readonly page: Page;
}

/**
 * The hooks a stand-in-Excel suite shares, registered in the `describe` it is called in: the
 * built pane served, one Chromium, one page on the workbook at `workbookPath` for the whole
 * suite, and no page error by its end.
 */
export function fakeExcelSuite(
  workbookPath: string,
  viewport: { width: number; height: number },
): FakeExcelSuite {
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  let page: Page | null = null;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await serveStatic(await buildDist());
    browser = await launchChromium();
    page = await openFakeExcelPane(browser, server.url, workbookPath, viewport, errors);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(errors).toEqual([]);
  });
  return {
    get page() {
      if (page === null) throw new Error('fakeExcelSuite: no page yet');
      return page;
    },
  };
}

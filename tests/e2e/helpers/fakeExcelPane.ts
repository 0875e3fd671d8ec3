/**
 * The pane in the stand-in Excel (`taskpane-fake.html`): the in-memory Excel holding a fixture's
 * workbook, the pane running on it as in Excel. Shared by the Office-door e2e suites.
 */
import type { Browser, Page } from 'playwright-core';
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbookFile';

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

/**
 * End to end, the pane at 350×800 inside the stand-in Excel (taskpane-fake.html over the
 * in-memory Excel seeded with Ale 2024): its primary action analyses at once, a finding that
 * Excel can select promises "Gå till" its cell and keeps it (Enter selects it), the axe-core scan
 * finds nothing serious, no horizontal scroll. Screenshot: test-results/screenshots/pane350-excel.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeWithChromium, screenshot } from './helpers/browser';
import { fakeExcelSuite } from './helpers/fakeExcelPane';
import {
  clippedControls,
  FIXTURES,
  horizontalOverflow,
  inView,
  PANE,
  seriousViolations,
} from './helpers/pane';

interface FakeSelection {
  __namndplanFakeExcel: { model: { selection: { sheet: string; address: string } | null } };
}

describeWithChromium('the pane at 350×800 in a stand-in Excel', () => {
  const excel = fakeExcelSuite(join(FIXTURES, 'ale-2024.xlsx'), PANE);
  let page: Page;

  beforeAll(() => {
    page = excel.page;
  });

  test('Excel: analyse, a finding names what it says then its cell, Enter selects it', async () => {
    const analyse = page.getByRole('button', { name: 'Analysera arbetsboken' });
    expect(await analyse.isEnabled()).toBe(true);
    await analyse.click();
    await page.getByRole('heading', { name: 'Sammanfattning' }).waitFor();
    expect(await page.getByRole('status').textContent()).toMatch(
      /^Analysen klar: \d+ fynd, \d+ fel, 3 varningar\.$/,
    );
    expect(await inView(page, '[data-testid="summary-results"] button')).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await clippedControls(page)).toEqual([]);

    const totalt = page
      .getByRole('list', { name: 'Fynd' })
      .getByRole('button', { name: /^Totalt \(Prognos 2023\)\s*Ekonomi!B\d+\s*Varning/ });
    const description = await totalt.getAttribute('aria-description');
    expect(description).toMatch(/^Gå till Ekonomi!B\d+$/);
    await totalt.focus();
    await page.keyboard.press('Enter');
    const ref = description!.replace('Gå till ', '');
    await page
      .getByRole('status')
      .filter({ hasText: `Markerade ${ref}.` })
      .waitFor();
    const selection = await page.evaluate(
      () => (window as unknown as FakeSelection).__namndplanFakeExcel.model.selection,
    );
    expect(selection).toEqual({ sheet: 'Ekonomi', address: ref.replace('Ekonomi!', '') });
    await screenshot(page, 'pane350-excel');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

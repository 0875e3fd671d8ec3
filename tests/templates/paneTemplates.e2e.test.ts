/**
 * End to end in the stand-in Excel (the built pane over the in-memory Excel, as
 * tests/e2e/officeHost.test.ts runs it): Mallar adds the four template sheets and the very hidden
 * marker to the open workbook, pre-filled from the analysis of Mark 2024 (its three verksamheter
 * and their budgets), leaving the user's sheets as they were; analysed again, the workbook is
 * recognised as a template and the Mall view leads with its completion. A second Mallar asks
 * first, in the templates' own words.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeWithChromium, screenshot } from '../e2e/helpers/browser';
import { fakeExcelSuite } from '../e2e/helpers/fakeExcelPane';
import { ROOT } from '../e2e/helpers/buildDist';

interface FakeHandle {
  model: { sheets: { name: string; values: unknown[][]; visibility: string }[] };
}

describeWithChromium('templates in a stand-in Excel', () => {
  const excel = fakeExcelSuite(join(ROOT, 'tests', 'fixtures', 'mark-2024.xlsx'), {
    width: 420,
    height: 900,
  });
  let page: Page;

  const sheets = (): Promise<{ name: string; values: unknown[][]; visibility: string }[]> =>
    page.evaluate(() => {
      const h = (window as unknown as { __namndplanFakeExcel: FakeHandle }).__namndplanFakeExcel;
      return h.model.sheets.map((s) => ({
        name: s.name,
        values: s.values,
        visibility: s.visibility,
      }));
    });

  beforeAll(() => {
    page = excel.page;
  });

  test('Mallar adds the pre-filled templates; analysed, the Mall view leads with its completion', async () => {
    const before = await sheets();
    await page.getByRole('button', { name: 'Analysera arbetsboken' }).click();
    await page.getByRole('heading', { name: 'Sammanfattning' }).waitFor();
    await page.getByRole('button', { name: 'Mallar' }).click();
    await page.getByText(/^Mallarna lades till: Uppföljning drift,/).waitFor();

    const after = await sheets();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((s) => [s.name, s.visibility])).toEqual([
      ['Uppföljning drift', 'Visible'],
      ['Uppföljning investeringar', 'Visible'],
      ['Måluppfyllelse', 'Visible'],
      ['Internkontrollplan', 'Visible'],
      ['NP Mall', 'VeryHidden'],
    ]);
    const drift = after.find((s) => s.name === 'Uppföljning drift');
    expect(drift?.values.slice(4, 7).map((row) => row.slice(0, 2))).toEqual([
      ['Funktionsstöd', -230.8],
      ['Individ-och familjeomsorg', -148.1],
      ['Ledning, adm, nämnd', -47.9],
    ]);
    expect(drift?.values[7]?.[0]).toBe('Summa');
    // No period asked in the pane: Mark's budget year names it.
    expect(drift?.values[3]?.slice(1, 3)).toEqual(['Budget 2023', 'Utfall 2023']);

    await page.getByRole('button', { name: 'Analysera igen' }).click();
    const completeness = page.getByTestId('template-completeness');
    await completeness.waitFor();
    // Labels and budgets are filled, nothing else yet: no gap but empty cells.
    expect(await completeness.textContent()).toMatch(
      /^\d+,\d % ifylld \(\d+ av \d+ obligatoriska celler\)$/,
    );
    expect(
      await page
        .locator('[data-testid="template-view"] [data-kind]')
        .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-kind')))]),
    ).toEqual(['empty']);
    await screenshot(page, 'excel-mark-2024-mall');

    await page.getByRole('button', { name: 'Mallar' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Ersätta tidigare mallar?').waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await page
      .getByText('Inga mallar skrevs: de tidigare mallbladen är kvar som de var.')
      .waitFor();
    expect((await sheets()).length).toBe(after.length);
  });
});

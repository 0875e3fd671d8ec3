/**
 * End to end, the English pane on every seed fixture at 350×800: after the analysis, in each view
 * (Overview with the folded figures open, Goals, Tables), the pane's own text holds no Swedish
 * sentence. The workbook's own words (row labels, indicator names, goals, headers, sheet names)
 * are Swedish data and are taken out first, as is what the pane marks Swedish (`lang="sv-SE"`:
 * the document tables' titles, the switch to Swedish). Screenshots:
 * test-results/screenshots/pane350-en-*.png.
 */
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describeWithChromium, screenshot } from './helpers/browser';
import {
  FIXTURES,
  openWorkbook,
  paneSuite,
  paneSentences,
  swedishIn,
  workbookWords,
} from './helpers/pane';

const SEEDS = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));

describeWithChromium('the English pane shows no Swedish sentence', () => {
  const pane = paneSuite();
  let page: Page;

  test('there are seed fixtures to look at', () => {
    expect(SEEDS.length).toBeGreaterThanOrEqual(5);
  });

  test.each(SEEDS)(
    '%s: Overview, Goals and Tables in English',
    async (seed) => {
      page = await pane.open('en');
      const words = await workbookWords(seed);
      await openWorkbook(page, seed);
      await page.getByRole('button', { name: 'Goals, indicators and arithmetic' }).click();
      const found: Record<string, string[]> = {};
      found.overview = swedishIn(await paneSentences(page, words));
      await screenshot(page, `pane350-en-${seed.replace(/\.xlsx$/, '')}`);

      await page.getByRole('tab', { name: 'Goals' }).click();
      await page.getByRole('heading', { name: 'Goals', level: 2 }).waitFor();
      // Open every goal, so that its indicators are read too.
      for (const toggle of await page
        .getByRole('button', { name: /^Show \d+ indicators? under/ })
        .all()) {
        await toggle.click();
      }
      found.goals = swedishIn(await paneSentences(page, words));

      await page.getByRole('tab', { name: 'Tables' }).click();
      await page.getByRole('heading', { name: 'Tables for the document' }).waitFor();
      found.tables = swedishIn(await paneSentences(page, words));
      expect(found).toEqual({ overview: [], goals: [], tables: [] });
    },
    120_000,
  );
});

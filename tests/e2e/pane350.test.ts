/**
 * End to end, the standalone pane at a real task pane's size (350×800) in Debian's Chromium, on
 * seed workbooks: the layout (no disabled primary button at the start, the picker folded after an
 * analysis, the result against budget and the first findings without scrolling, no horizontal
 * scroll), the accessibility scan (axe-core, serious and critical), keyboard only, the end of an
 * analysis said to screen readers, the search, and the screenshots a person looks at:
 * test-results/screenshots/pane350-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeWithChromium, screenshot, SCREENSHOTS } from './helpers/browser';
import {
  clippedControls,
  FIXTURES,
  horizontalOverflow,
  inView,
  paneSuite,
  openWorkbook,
  PANE,
  seriousViolations,
} from './helpers/pane';

describeWithChromium('the pane at 350×800', () => {
  const pane = paneSuite();
  let page: Page;

  async function open(locale: 'sv' | 'en' = 'sv'): Promise<void> {
    page = await pane.open(locale);
  }

  test('at the start the primary action picks a workbook; nothing is a disabled button; "In English" fits', async () => {
    await open();
    const choose = page.getByRole('button', { name: 'Välj arbetsbok…' });
    await choose.waitFor();
    expect(await choose.isEnabled()).toBe(true);
    expect(await page.locator('button[disabled], button[aria-disabled="true"]').count()).toBe(0);
    // The picker is the real file input: the button opens it.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), choose.click()]);
    expect(chooser.isMultiple()).toBe(false);
    // Answered (with nothing), so the browser holds no open file dialog for the next test.
    await chooser.setFiles([]);
    const english = page.getByRole('button', { name: 'In English: switch to English' });
    const box = await english.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PANE.width);
    expect(await english.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await clippedControls(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'pane350-start');
  });

  // The largest deficits are the first findings (the list below repeats them, worst first): on
  // every seed the result against budget and the first of them show without scrolling.
  test.each(['mellerud-2023.xlsx', 'ale-2018.xlsx', 'alingsas-2023.xlsx', 'mark-2024.xlsx'])(
    '%s: the result against budget and the largest deficit show without scrolling',
    async (file) => {
      await open();
      await openWorkbook(page, file);
      await page.getByRole('button', { name: 'Byt arbetsbok' }).waitFor();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(await inView(page, '[data-testid="summary-results"] li')).toBe(true);
      const deficits = '[data-testid^="summary-largest-"] li';
      if ((await page.locator(deficits).count()) > 0)
        expect(await inView(page, deficits)).toBe(true);
      expect(await horizontalOverflow(page)).toBe(0);
    },
  );

  test('Ale 2024: the picker folds, the result against budget and the first findings show without scrolling', async () => {
    await open();
    await openWorkbook(page, 'ale-2024.xlsx');
    // One line: the file's name and "Byt arbetsbok"; the zone's words are gone.
    await page.getByRole('button', { name: 'Byt arbetsbok' }).waitFor();
    expect(await page.getByText('Släpp en .xlsx-fil här, eller').count()).toBe(0);
    const zone = await page.getByTestId('drop-zone').boundingBox();
    expect(zone!.height).toBeLessThan(48);
    // The status line tells screen readers the analysis is done (a polite live region).
    const status = page.getByRole('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toMatch(/^Analysen klar: \d+ fynd, \d+ fel, 3 varningar\.$/);
    // Without scrolling: the result line (Prognos 2023: −7 000 tkr (−1,0 %) mot budget) and the
    // first of the largest deficits (Funktionsstöd −7 740 tkr).
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const result = page.getByTestId('summary-results').getByRole('button').first();
    expect(await result.textContent()).toMatch(/^Prognos 2023: -7\s000 tkr \(-1,0 %\) mot budget/);
    expect(await inView(page, '[data-testid="summary-results"] button')).toBe(true);
    const firstDeficit = page.getByTestId('summary-largest-operating-lines').getByRole('button');
    expect(await firstDeficit.first().textContent()).toMatch(
      /^Funktionsstöd \(Prognos 2023\): -7\s740 tkr/,
    );
    expect(await inView(page, '[data-testid="summary-largest-operating-lines"] li')).toBe(true);
    // …and the first finding of the list, worst first.
    const firstFinding = page.getByRole('list', { name: 'Fynd' }).getByRole('button').first();
    expect(await firstFinding.textContent()).toMatch(/^Funktionsstöd \(Prognos 2023\)/);
    expect(await inView(page, 'ul[aria-label="Fynd"] li')).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await clippedControls(page)).toEqual([]);
    await screenshot(page, 'pane350-ale-2024-sv');
    expect(await seriousViolations(page)).toEqual([]);

    // The other views, scanned too, and shot.
    await page.getByRole('tab', { name: 'Mål' }).click();
    await page.getByRole('heading', { name: 'Mål', level: 2 }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await clippedControls(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Tabeller' }).click();
    await page.getByRole('button', { name: 'Ladda ner Word' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await clippedControls(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'pane350-ale-2024-tables');
  });

  test('Mark 2024 in English: the Goals view, scanned; a finding focused by keyboard shows its focus', async () => {
    await open('en');
    await openWorkbook(page, 'mark-2024.xlsx');
    expect(await page.getByRole('status').textContent()).toMatch(
      /^Analysis done: \d+ findings, \d+ errors?, \d+ warnings?\.$/,
    );
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await clippedControls(page)).toEqual([]);
    await screenshot(page, 'pane350-mark-2024-en');
    expect(await seriousViolations(page)).toEqual([]);

    // Its name says what it says first, then where; no "Go to" in standalone mode.
    const finding = page.getByRole('button', {
      name: /^Antal berörda barn vid vräkningar: not met Mål!A\d+ Warning Target =0/,
    });
    await finding.waitFor();
    expect(await finding.getAttribute('aria-description')).toBeNull();
    expect(await page.locator('[aria-description^="Go to"]').count()).toBe(0);

    await page.getByRole('tab', { name: 'Goals' }).click();
    await page.getByRole('heading', { name: 'Goals', level: 2 }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await clippedControls(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'pane350-mark-2024-goals');
  });

  test('Mark 2024: the Mål view in Swedish, each verdict in words beside its colour', async () => {
    await open();
    await openWorkbook(page, 'mark-2024.xlsx');
    await page.getByRole('tab', { name: 'Mål' }).click();
    // The seed's "Bästa barnkommun": its indicators are partly met (the share rule, 4 steps).
    const goal = page.getByRole('button', { name: /^Nämndens mål: Bästa barnkommun/ });
    expect(await goal.textContent()).toMatch(/delvis uppfyllt/);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await clippedControls(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'pane350-mark-2024-mal');
  });

  test('keyboard only: Tab reaches every action, Enter works, the focus is visible', async () => {
    await open();
    // From the top: the language switch, then the picker (Enter on it opens the file dialog).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('In English');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Välj arbetsbok…');
    // Enter on it clicks the file input (the browser's dialog opens from that click).
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid="file-input"]');
      input?.addEventListener('click', (e) => {
        e.preventDefault();
        document.body.dataset.picked = 'yes';
      });
    });
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-picked="yes"]');
    await page.setInputFiles('[data-testid="file-input"]', join(FIXTURES, 'ale-2024.xlsx'));
    await page.getByRole('heading', { name: 'Sammanfattning' }).waitFor();

    // Every focusable thing in Tab order, from the top.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.click(PANE.width - 5, 5);
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('aria-label') ?? el?.innerText.replace(/\s+/g, ' ').trim() ?? '';
      });
      names.push(name);
    }
    const reached = (re: RegExp): boolean => names.some((n) => re.test(n));
    for (const re of [
      /^Byt arbetsbok$/,
      /^Översikt$/,
      /^Prognos 2023: -7\s000 tkr/,
      /^Funktionsstöd \(Prognos 2023\)/,
      /^Mål, indikatorer och räkningen$/,
      /^Ladda ner rapport \(\.xlsx\)$/,
      /^Ladda ner JSON$/,
      /^Alla \(\d+\)$/,
      /^Filtrera fynden$/,
      /^Funktionsstöd \(Prognos 2023\)\s*Ekonomi!B\d+\s*Varning/,
    ]) {
      expect([re, reached(re)]).toEqual([re, true]);
    }

    // Back to the first finding, with a visible focus ring (Fluent draws it on keyboard focus).
    const first = page.getByRole('list', { name: 'Fynd' }).getByRole('button').first();
    await first.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await first.getAttribute('data-fui-focus-visible')).not.toBeNull();
    const outline = await first.evaluate((el) => {
      const after = getComputedStyle(el, '::after');
      const own = getComputedStyle(el);
      return `${after.borderTopWidth} ${after.borderTopStyle} ${own.outlineStyle}`;
    });
    expect(outline).toMatch(/^[1-9]\d*(\.\d+)?px solid|solid$/);
    await first.scrollIntoViewIfNeeded();
    // What the window shows (not the whole page): the focused finding as a person sees it.
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'pane350-finding-focused.png') });
    // Enter on it: standalone says where the cell is instead of selecting it.
    await page.keyboard.press('Enter');
    expect(await page.getByRole('status').textContent()).toMatch(
      /^Öppna arbetsboken i Excel och gå till Ekonomi!B\d+\.$/,
    );

    // The tables view by keyboard: arrow to its tab, then Tab to a copy button.
    await page.getByRole('tab', { name: 'Översikt' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Ladda ner Word' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      /^Kopiera tabellen /,
    );
  });

  test('searching "underskott" lists the unfavourable variances, and only them', async () => {
    await open();
    await openWorkbook(page, 'ale-2024.xlsx');
    const tab = await page.getByRole('tab', { name: /^Avvikelser \(\d+\)$/ }).textContent();
    const variances = Number(/\((\d+)\)/.exec(tab ?? '')?.[1]);
    expect(variances).toBeGreaterThanOrEqual(3);
    await page.getByRole('searchbox', { name: 'Filtrera fynden' }).fill('underskott');
    const items = page.getByRole('list', { name: 'Fynd' }).getByRole('button');
    await page.waitForFunction(
      (n) => document.querySelectorAll('ul[aria-label="Fynd"] button').length === n,
      Math.min(variances, 200),
    );
    const groups = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(new Set(groups)).toEqual(new Set(['variances']));
    expect(await items.filter({ hasText: 'Totalt (Prognos 2023)' }).count()).toBe(1);
    expect(await items.filter({ hasText: 'Funktionsstöd (Prognos 2023)' }).count()).toBe(1);
  });
});

/**
 * What the 350 px pane tests share: a task-pane-sized page over the built pane in standalone
 * mode, opening a seed workbook, an axe-core scan, the page's width, and the pane's own text
 * (without the workbook's words) to look for Swedish in English mode.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbookFile';
import { analyzeWorkbook } from '../../../src/domain/analyze';
import { launchChromium } from './browser';
import { buildDist, ROOT } from './buildDist';
import { serveStatic, type StaticServer } from './staticServer';

export const FIXTURES = join(ROOT, 'tests', 'fixtures');
/** A real task pane: Excel's default width on Windows and the web is about 350 px. */
export const PANE = { width: 350, height: 800 };

/** A fresh page at 350×800 on the standalone pane, Swedish unless told. */
export async function openPane(
  browser: Browser,
  url: string,
  errors: string[],
  locale: 'sv' | 'en' = 'sv',
  viewport: { width: number; height: number } = PANE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true, viewport, locale: 'sv-SE' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  if (locale === 'en') {
    await page.addInitScript(() => window.localStorage.setItem('namndplan.locale', 'en'));
  }
  await page.goto(`${url}/taskpane.html`);
  await page.waitForSelector('body[data-host="file"]');
  return { context, page };
}

/** Picks a seed workbook and waits for its summary. */
export async function openWorkbook(page: Page, name: string): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', join(FIXTURES, name));
  await page.getByRole('heading', { name: /^(Sammanfattning|Summary)$/ }).waitFor();
}

/**
 * Violations of impact serious or critical that axe-core finds on the page as it is. Fluent's
 * focus manager (tabster) puts `<i tabindex="0" aria-hidden data-tabster-dummy>` at the edges of
 * groups to catch Tab and pass it on; they are never focused for long nor read, so they are left
 * out of the scan (axe would call them aria-hidden-focus).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: { include: string[][]; exclude: string[][] },
            options: { resultTypes: string[] },
          ) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(
      { include: [['html']], exclude: [['[data-tabster-dummy]']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** How far the page is wider than its window (0: no horizontal scroll). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Buttons and tabs whose words do not fit in them (cut off or spilling out), by their text. */
export async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, [role="tab"]')]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.innerText.replace(/\s+/g, ' ').trim()),
  );
}

/** True when the element lies wholly inside the window as it is scrolled now. */
export async function inView(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth
      );
    });
}

const space = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The workbook's own words: every text cell of the seed, and the names the engine took from it
 * (indicators, goals, risks, row labels, column headers), longest first. They are Swedish data,
 * not the pane's sentences.
 */
export async function workbookWords(name: string): Promise<string[]> {
  const snapshot = await readWorkbookFile(join(FIXTURES, name));
  const report = analyzeWorkbook(snapshot, {});
  const words = new Set<string>();
  const add = (s: string | null | undefined): void => {
    const t = s === null || s === undefined ? '' : space(s);
    // Words, not bare figures or years: those are the pane's to format.
    if (t.length >= 4 && /\p{L}/u.test(t)) words.add(t);
  };
  for (const sheet of snapshot.sheets) {
    add(sheet.name);
    for (const row of sheet.values) for (const v of row) if (typeof v === 'string') add(v);
  }
  for (const v of report.variances) [v.label, v.actual, v.baseline].forEach(add);
  for (const i of report.indicators)
    [i.name, i.target, i.targetPeriod, i.outcomePeriod].forEach(add);
  for (const g of report.goals) add(g.text);
  for (const r of report.risks) [r.risk, r.process].forEach(add);
  for (const c of report.checks) add(c.label);
  return [...words].sort((a, b) => b.length - a.length);
}

/**
 * The pane's text, hidden parts included, without what is marked Swedish (`lang="sv…"`: the
 * document tables' titles, the language switch) and without the workbook's words.
 */
export async function paneSentences(page: Page, words: readonly string[]): Promise<string> {
  const text = await page.evaluate(() => {
    const copy = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
    if (!copy) return '';
    copy.querySelectorAll('[lang^="sv"]').forEach((el) => el.remove());
    // Each element's text apart, so that words of neighbours are not run together.
    copy.querySelectorAll('*').forEach((el) => el.append(' \n '));
    return copy.textContent ?? '';
  });
  let out = space(text);
  for (const w of words) out = out.split(w).join(' ‖ ');
  return out;
}

/** Swedish words and phrases no English sentence holds. */
export const SWEDISH_MARKERS = [
  'uppfyllt',
  'avvikelse',
  'saknas',
  'budget avser',
  'underskott',
  'mål ',
  ' och ',
  'är ',
  ' inte ',
  'utfallet',
];

/** The markers found in `text`, each with a little of what is around it. */
export function swedishIn(text: string): string[] {
  const low = text.toLowerCase();
  const hits: string[] = [];
  for (const m of SWEDISH_MARKERS) {
    const at = low.indexOf(m);
    if (at >= 0) hits.push(`${m.trim()}: …${text.slice(Math.max(0, at - 60), at + 60)}…`);
  }
  return hits;
}

/** What a standalone-pane suite has once its hooks have run (`paneSuite`). */
export interface PaneSuite {
  readonly browser: Browser;
  readonly url: string;
  /** The page of the current test (after `open`). */
  readonly page: Page;
  /** The folder of the built pane being served. */
  readonly dist: string;
  /** A fresh 350×800 page on the pane, Swedish unless told; closed after the test. */
  open(locale?: 'sv' | 'en'): Promise<Page>;
}

/**
 * The hooks every standalone-pane suite shares, registered in the `describe` it is called in:
 * the built pane served, one Chromium, a fresh page per `open` (350×800 unless told), and a page
 * error or a crashed tab failing the test it happens in (and only that one).
 */
export function paneSuite(viewport: { width: number; height: number } = PANE): PaneSuite {
  let server: StaticServer | null = null;
  let dist: string | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  let page: Page | null = null;
  const errors: string[] = [];
  beforeAll(async () => {
    dist = await buildDist();
    server = await serveStatic(dist);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = null;
    expect(errors.splice(0)).toEqual([]);
  });
  const need = <T>(v: T | null, what: string): T => {
    if (v === null) throw new Error(`paneSuite: no ${what} yet`);
    return v;
  };
  return {
    get browser() {
      return need(browser, 'browser');
    },
    get url() {
      return need(server, 'server').url;
    },
    get dist() {
      return need(dist, 'build');
    },
    get page() {
      return need(page, 'page');
    },
    async open(locale: 'sv' | 'en' = 'sv') {
      const url = need(server, 'server').url;
      const opened = await openPane(need(browser, 'browser'), url, errors, locale, viewport);
      opened.page.on('crash', () => errors.push('the tab crashed'));
      ({ context, page } = opened);
      return opened.page;
    },
  };
}

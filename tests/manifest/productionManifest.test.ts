/**
 * The production manifest: `npm run build -- --env urlProd=https://…/` rewrites every URL of
 * manifest.xml under urlProd in webpack's copy step; without urlProd a production build says
 * loudly that its manifest is for development only. Tested on webpack.config.js itself (its copy
 * pattern's transform), without running a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateManifest } from './validateManifest';

const ROOT = resolve(__dirname, '../..');
const DEV_XML = readFileSync(resolve(ROOT, 'manifest.xml'), 'utf8');
const BASE = 'https://plan.example.se/namndplan/';

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer, path: string) => string | Buffer;
}
type WebpackConfig = { plugins: { patterns?: CopyPattern[]; constructor: { name: string } }[] };
type ConfigFunction = ((
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<WebpackConfig>) & {
  productionManifest(xml: string, urlProd: string, provider?: string): string;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as ConfigFunction;

/** What the copy step writes to dist/manifest.xml for `env`, in a production build. */
async function builtManifest(env: Record<string, unknown>): Promise<string> {
  const built = await config(env, { mode: 'production' });
  const copy = built.plugins.find((p) => p.constructor.name === 'CopyPlugin');
  const pattern = copy?.patterns?.find((p) => p.from === 'manifest.xml');
  if (!pattern?.transform) throw new Error('no transform for manifest.xml in the copy step');
  return pattern.transform(Buffer.from(DEV_XML), resolve(ROOT, 'manifest.xml')).toString();
}

/** Every URL the manifest names (attributes and elements). */
function urls(xml: string): string[] {
  return [...xml.matchAll(/https?:\/\/[^"<\s]+/g)]
    .map((m) => m[0])
    .filter(
      (u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'),
    );
}

describe('production manifest (--env urlProd)', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  it('names no localhost: every URL is under urlProd, and it validates against the schemas', async () => {
    const xml = await builtManifest({ urlProd: BASE });
    expect(xml).not.toMatch(/localhost/i);
    const all = urls(xml);
    // As many URLs as the development manifest has (icons, support, source, ribbon, pane).
    expect(all).toHaveLength(urls(DEV_XML).length);
    expect(all.length).toBeGreaterThanOrEqual(9);
    for (const url of all) expect(url.startsWith(BASE)).toBe(true);
    expect(validateManifest(xml)).toEqual({ ok: true, errors: '' });
    expect(xml).toMatch(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    expect(xml).toMatch(`<SupportUrl DefaultValue="${BASE}support.html"/>`);
    expect(warn).not.toHaveBeenCalled();
  });

  it('every file a production URL names is one the build puts in dist/', async () => {
    const xml = await builtManifest({ urlProd: BASE });
    // dist/ holds taskpane.html (from src/taskpane), support.html and assets/ (from assets/).
    const source: Record<string, string> = {
      'taskpane.html': 'src/taskpane/taskpane.html',
      'support.html': 'assets/support.html',
    };
    for (const url of urls(xml)) {
      const file = url.slice(BASE.length);
      expect(existsSync(resolve(ROOT, source[file] ?? file))).toBe(true);
    }
  });

  it('a base without a trailing slash gets one; the publisher can be set', async () => {
    const xml = await builtManifest({
      urlProd: 'https://plan.example.se/namndplan',
      provider: 'Ale kommun & Co',
    });
    expect(xml).toMatch(`<IconUrl DefaultValue="${BASE}assets/icon-32.png"/>`);
    expect(xml).toMatch('<ProviderName>Ale kommun &amp; Co</ProviderName>');
    expect(validateManifest(xml).ok).toBe(true);
  });

  it('refuses a URL Office cannot load an add-in from', () => {
    for (const bad of ['http://plan.example.se/', 'plan.example.se', 'https://localhost:3000/']) {
      expect(() => config.productionManifest(DEV_XML, bad)).toThrow(/urlProd/);
    }
    expect(() => config.productionManifest(DEV_XML, 'https://plan.example.se/?v=1')).toThrow(
      /query/,
    );
  });

  it('without urlProd a production build says loudly that the manifest is for development', async () => {
    const built = await config({}, { mode: 'production' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/DEVELOPMENT manifest[\s\S]*urlProd/));
    expect(built.plugins.map((p) => p.constructor.name)).toContain('DevelopmentManifestWarning');
    const xml = await builtManifest({});
    expect(xml).toMatch(/<!-- DEVELOPMENT MANIFEST/);
    expect(validateManifest(xml).ok).toBe(true);
  });
});

describe('manifest.xml, development and production alike', () => {
  it('ProviderName is the publisher, not the product', () => {
    const provider = /<ProviderName>([^<]*)<\/ProviderName>/.exec(DEV_XML)?.[1];
    const product = /<DisplayName DefaultValue="([^"]*)"/.exec(DEV_XML)?.[1];
    expect(provider).toBeTruthy();
    expect(provider).not.toBe(product);
  });

  it('no AppDomain equals the origin the pane is loaded from', () => {
    const source = /<SourceLocation DefaultValue="([^"]*)"/.exec(DEV_XML)?.[1] ?? '';
    const origin = new URL(source).origin;
    const domains = [...DEV_XML.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
    for (const d of domains) expect(new URL(d ?? '').origin).not.toBe(origin);
  });

  it('SupportUrl is a real support page, Swedish first with English', () => {
    expect(DEV_XML).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/support.html"\/>/);
    const html = readFileSync(resolve(ROOT, 'assets/support.html'), 'utf8');
    expect(html).toMatch(/<html lang="sv">/);
    expect(html).toMatch(/<section lang="sv"[^>]*>[\s\S]*Hjälp och support/);
    expect(html).toMatch(/<section lang="en"[^>]*>[\s\S]*Help and support/);
    expect(html).not.toMatch(/<script/);
  });
});

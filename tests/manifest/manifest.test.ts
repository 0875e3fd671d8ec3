/**
 * The add-in manifest: valid against Microsoft's XML manifest schemas (offline, xmllint), and
 * every icon it names exists in assets/ with the pixel size it claims. The production manifest
 * (`npm run build -- --env urlProd=…`) names no localhost and validates too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { validateManifest } from './validateManifest';

const ROOT = resolve(__dirname, '../..');
const MANIFEST = resolve(ROOT, 'manifest.xml');
const SCHEMA = resolve(
  __dirname,
  '../../../shared/office-manifest-schemas/OfficeAppManifestV1_1.xsd',
);
const xml = readFileSync(MANIFEST, 'utf8');

test('manifest.xml validates against OfficeAppManifestV1_1.xsd', () => {
  expect(existsSync(SCHEMA)).toBe(true);
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, MANIFEST], { encoding: 'utf8' });
  if (run.error)
    throw new Error(`xmllint missing (apt-get install libxml2-utils): ${run.error.message}`);
  expect(run.stderr.trim()).toBe(`${MANIFEST} validates`);
  expect(run.status).toBe(0);
  expect(validateManifest(xml)).toEqual({ ok: true, errors: '' });
});

test('a broken manifest is rejected, so the validation can fail', () => {
  const broken = xml.replace(
    '<Permissions>ReadWriteDocument</Permissions>',
    '<Permissions>Everything</Permissions>',
  );
  const run = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, '-'], {
    input: broken,
    encoding: 'utf8',
  });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toMatch(/Permissions/);
});

test('a task pane add-in for workbooks, Swedish first with English overrides', () => {
  expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
  expect(xml).toMatch(/<DefaultLocale>sv-SE<\/DefaultLocale>/);
  expect(xml).toMatch(/<DisplayName DefaultValue="Nämndplan">\s*<Override Locale="en-US"/);
  expect(xml).toMatch(
    /<Description DefaultValue="Kontrollerar[^"]*">\s*<Override Locale="en-US" Value="Checks/,
  );
  expect(xml).toMatch(/<Host Name="Workbook"\/>/);
  expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
  expect(xml).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
  expect(xml).toMatch(/<OfficeTab id="TabHome">/);
  expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
});

test('every icon the manifest names exists with its pixel size', () => {
  const urls = [...xml.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
  expect(new Set(urls.map((u) => u[1]))).toEqual(
    new Set(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']),
  );
  for (const size of [16, 32, 64, 80, 128]) {
    const png = PNG.sync.read(readFileSync(resolve(ROOT, 'assets', `icon-${size}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
    // Not blank: the mark's white bars and the green ground are both there.
    const px = (x: number, y: number): number[] => {
      const i = (y * size + x) * 4;
      return [...png.data.subarray(i, i + 4)];
    };
    expect(px(Math.floor(size * 0.47), Math.floor(size * 0.7))).toEqual([255, 255, 255, 255]);
    expect(px(Math.floor(size / 2), Math.floor(size * 0.15))).toEqual([15, 108, 90, 255]);
  }
});

test('bt:Image sizes match the files they point at', () => {
  for (const m of xml.matchAll(/<bt:Image size="(\d+)" resid="Icon\.(\d+)"\/>/g)) {
    expect(m[1]).toBe(m[2]);
  }
});

/**
 * The docs list exactly the Excel APIs the adapter uses, each with its requirement set from
 * `@types/office-js`, and nothing above the manifest's ExcelApi 1.7 is used unconditionally.
 * The member names are pulled from the adapter's code (`src/adapters/office/*.ts`, not `fake/`),
 * so a new call fails here until it is added to USED and to the docs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');

/** Every Excel API the adapter calls: class, member, ExcelApi minor version, optional. */
const USED: [cls: string, member: string, minor: number, optional?: 'optional'][] = [
  ['Workbook', 'worksheets', 1],
  ['Workbook', 'name', 7],
  ['Workbook', 'settings', 4],
  ['WorksheetCollection', 'getItem', 1],
  ['WorksheetCollection', 'add', 1],
  ['Worksheet', 'name', 1],
  ['Worksheet', 'getRange', 1],
  ['Worksheet', 'getUsedRangeOrNullObject', 4],
  ['Worksheet', 'getUsedRange', 1],
  ['Worksheet', 'activate', 1],
  ['Worksheet', 'visibility', 1],
  ['Worksheet', 'names', 4],
  ['Worksheet', 'tables', 1],
  ['Range', 'address', 1],
  ['Range', 'rowIndex', 1],
  ['Range', 'columnIndex', 1],
  ['Range', 'rowCount', 1],
  ['Range', 'columnCount', 1],
  ['Range', 'values', 1],
  ['Range', 'numberFormat', 1],
  ['Range', 'format', 1],
  ['Range', 'select', 1],
  ['Range', 'clear', 1],
  ['Range', 'hyperlink', 7],
  ['Range', 'conditionalFormats', 6],
  ['Range', 'getMergedAreasOrNullObject', 13, 'optional'],
  ['RangeAreas', 'address', 9, 'optional'],
  ['RangeFormat', 'font', 1],
  ['RangeFormat', 'fill', 1],
  ['RangeFormat', 'columnWidth', 2],
  ['RangeFont', 'bold', 1],
  ['RangeFont', 'color', 1],
  ['RangeFill', 'color', 1],
  ['TableCollection', 'add', 1],
  ['Table', 'convertToRange', 2],
  ['NamedItemCollection', 'add', 4],
  ['NamedItemCollection', 'getItemOrNullObject', 4],
  ['NamedItem', 'visible', 1],
  ['ConditionalFormatCollection', 'add', 6],
  ['ConditionalFormatCollection', 'clearAll', 6],
  ['ConditionalFormat', 'cellValue', 6],
  ['CellValueConditionalFormat', 'format', 6],
  ['CellValueConditionalFormat', 'rule', 6],
  ['ConditionalRangeFormat', 'fill', 6],
  ['ConditionalRangeFormat', 'font', 6],
  ['Application', 'suspendApiCalculationUntilNextSync', 6],
  // The report sheets' look (writeReportSheets.ts, sheetLook.ts); the page layout and indent
  // levels only where isSetSupported('ExcelApi', '1.9') says so (PAGE_LAYOUT_API).
  ['RangeFont', 'size', 1],
  ['RangeFont', 'italic', 1],
  ['RangeFormat', 'wrapText', 1],
  ['RangeFormat', 'horizontalAlignment', 1],
  ['RangeFormat', 'verticalAlignment', 1],
  ['RangeFormat', 'borders', 1],
  ['RangeFormat', 'rowHeight', 2],
  ['RangeFormat', 'indentLevel', 9, 'optional'],
  ['RangeBorder', 'style', 1],
  ['Range', 'merge', 2],
  ['Worksheet', 'freezePanes', 7],
  ['WorksheetFreezePanes', 'freezeRows', 7],
  ['Worksheet', 'pageLayout', 9, 'optional'],
  ['PageLayout', 'orientation', 9, 'optional'],
  ['PageLayout', 'paperSize', 9, 'optional'],
  ['PageLayout', 'zoom', 9, 'optional'],
  ['PageLayout', 'leftMargin', 9, 'optional'],
  ['PageLayout', 'rightMargin', 9, 'optional'],
  ['PageLayout', 'topMargin', 9, 'optional'],
  ['PageLayout', 'bottomMargin', 9, 'optional'],
  ['PageLayout', 'headerMargin', 9, 'optional'],
  ['PageLayout', 'footerMargin', 9, 'optional'],
  ['PageLayout', 'setPrintTitleRows', 9, 'optional'],
  ['PageLayout', 'headersFooters', 9, 'optional'],
  ['HeaderFooterGroup', 'defaultForAllPages', 9, 'optional'],
  ['HeaderFooter', 'leftHeader', 9, 'optional'],
  ['HeaderFooter', 'leftFooter', 9, 'optional'],
  ['HeaderFooter', 'rightFooter', 9, 'optional'],
  ['SettingCollection', 'add', 4],
  ['SettingCollection', 'getItemOrNullObject', 4],
  ['Setting', 'value', 4],
];

/**
 * Names in the adapter that are ours or JavaScript's, not Excel calls, though Excel has them;
 * and the request machinery every call goes through (`context.workbook`, `context.application`,
 * `load`, collection `items`: ExcelApi 1.1, in the docs' first row).
 */
const NOT_EXCEL = new Set(
  'areas code columns context filter find header left max message min points replace round rows set sheet sheets source split target text title top trim width worksheet workbook application load items bottom horizontal vertical key notes layout styles'.split(
    ' ',
  ),
);

const TYPES = read('node_modules/@types/office-js/index.d.ts');
const EXCEL = TYPES.slice(
  TYPES.indexOf('declare namespace Excel {'),
  TYPES.indexOf('\ndeclare namespace ', TYPES.indexOf('declare namespace Excel {') + 10),
);

/** The `[Api set: ExcelApi 1.N …]` minor version of `cls.member`, from the type definitions. */
function apiSet(cls: string, member: string): number | null {
  const start = EXCEL.indexOf(`\n    class ${cls} extends`);
  if (start < 0) return null;
  const body = EXCEL.slice(start, EXCEL.indexOf('\n    }\n', start));
  const m = new RegExp(`\\n        (?:readonly )?${member}[(?:]`).exec(body);
  if (!m) return null;
  // The member's own doc comment; its first annotation (a parameter's may follow).
  const before = body.slice(0, m.index);
  const note = /\[Api set: ExcelApi 1\.(\d+)/.exec(before.slice(before.lastIndexOf('/**')));
  return note ? Number(note[1]) : null;
}

/** Member names used as `.name` in the adapter's code (comments and strings left out). */
function usedNames(): Set<string> {
  const dir = 'src/adapters/office';
  const names = new Set<string>();
  for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts'))) {
    const code = read(`${dir}/${file}`)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/`[^`]*`|'[^'\n]*'/g, '""');
    for (const m of code.matchAll(/\.([a-zA-Z]+)\b/g)) if (m[1]) names.add(m[1]);
  }
  return names;
}

test('each API listed has the requirement set @types/office-js gives it', () => {
  for (const [cls, member, minor] of USED) {
    expect([`${cls}.${member}`, apiSet(cls, member)]).toEqual([`${cls}.${member}`, minor]);
  }
});

test('the list is exactly what the code uses: every Excel member the adapter names is in it', () => {
  const excelMembers = new Set<string>();
  for (const m of EXCEL.matchAll(/\n {8}(?:readonly )?([a-zA-Z]+)[(?:]/g))
    if (m[1]) excelMembers.add(m[1]);
  const used = [...usedNames()].filter((n) => excelMembers.has(n) && !NOT_EXCEL.has(n));
  const listed = new Set(USED.map(([, member]) => member));
  expect(used.filter((n) => !listed.has(n))).toEqual([]);
  const usedSet = new Set(used);
  expect([...listed].filter((n) => !usedSet.has(n))).toEqual([]);
});

test('nothing above the manifest’s ExcelApi 1.7 is used unconditionally', () => {
  const manifest = /<Set Name="ExcelApi" MinVersion="1\.(\d+)"\/>/.exec(read('manifest.xml'));
  const min = Number(manifest?.[1]);
  expect(min).toBe(7);
  const above = USED.filter(([, , minor, optional]) => minor > min && optional !== 'optional');
  expect(above).toEqual([]);
  // The optional ones are asked first.
  expect(read('src/adapters/office/requirements.ts')).toMatch(/isSetSupported\('ExcelApi'/);
});

test('docs/office-adapter.md and docs/manifest.md name every API used, and no use1904DateSystem', () => {
  const docs = [read('docs/office-adapter.md'), read('docs/manifest.md')];
  for (const doc of docs) {
    for (const [cls, member] of USED) {
      if (['name', 'format', 'fill', 'font', 'color', 'value'].includes(member)) continue;
      expect([cls, member, doc.includes(member)]).toEqual([cls, member, true]);
    }
    expect(doc).not.toMatch(/use1904DateSystem/);
    expect(doc).toMatch(/RangeAreas\.address/);
    expect(doc).toMatch(/Workbook\.name/);
  }
});

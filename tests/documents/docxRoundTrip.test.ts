/**
 * `namndplan analyze WORKBOOK --docx TABLES.docx --out REPORT.xlsx` on the seed workbooks, and
 * both files opened by LibreOffice, an independent program: converted to PDF and read back with
 * pdftotext, their text and numbers must be what the seed documents print, in Swedish format. The
 * .docx's own XML must hold real Word tables: a repeated header row, right-aligned numbers, bold
 * totals, signal shading beside the verdict word.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { runCli, type CliIo } from '../../src/cli/runCli';
import { ROOT } from './helpers';

const SEEDS = ['mellerud-2023', 'ale-2024', 'alingsas-2023', 'mark-2024'];
const hasTools =
  spawnSync('which', ['soffice']).status === 0 && spawnSync('which', ['pdftotext']).status === 0;
let dir = '';
/** Text of each converted PDF, white space folded, U+2212 read as `-`. */
const docxText = new Map<string, string>();
const xlsxText = new Map<string, string>();

const io: CliIo = { stdout: () => undefined, stderr: (t) => process.stderr.write(t) };

function fold(text: string): string {
  return text
    .replace(/\u2212/g, '-')
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'np-docx-'));
  for (const s of SEEDS) {
    const code = await runCli(
      [
        'analyze',
        join(ROOT, 'tests', 'fixtures', `${s}.xlsx`),
        '--docx',
        join(dir, `${s}-tabeller.docx`),
        '--out',
        join(dir, `${s}-rapport.xlsx`),
        '--quiet',
      ],
      io,
    );
    expect(code).toBe(0);
  }
  if (!hasTools) {
    // CI installs LibreOffice Writer and poppler (.ci/run); there their absence is a failure.
    if (process.env.CI) throw new Error('soffice or pdftotext missing: see .ci/run');
    console.warn('VARNING: soffice eller pdftotext saknas; LibreOffice-testet hoppas över.');
    return;
  }
  const files = SEEDS.flatMap((s) => [`${s}-tabeller.docx`, `${s}-rapport.xlsx`]);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      join(dir, 'pdf'),
      ...files.map((f) => join(dir, f)),
    ],
    { stdio: 'pipe', timeout: 240_000 },
  );
  for (const s of SEEDS) {
    for (const [kind, into] of [
      ['tabeller', docxText],
      ['rapport', xlsxText],
    ] as const) {
      const pdf = join(dir, 'pdf', `${s}-${kind}.pdf`);
      into.set(s, fold(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })));
    }
  }
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function documentXml(seed: string): string {
  const zip = unzipSync(new Uint8Array(readFileSync(join(dir, `${seed}-tabeller.docx`))));
  const xml = zip['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  return strFromU8(xml);
}

describe('the .docx in LibreOffice', () => {
  it("Mellerud's Driftredovisning: captioned, Sa kostnader −17 100, Resultat −7 787, in Swedish", () => {
    if (!hasTools) return;
    const text = docxText.get('mellerud-2023') ?? '';
    expect(text).toContain('Tabell 1. Driftredovisning socialnämnden, bokslut 2023 (tkr)');
    expect(text).toContain('Beskrivning Budget 2023 Bokslut 2023 Avvikelse');
    expect(text).toContain('Sa kostnader 390 571 407 671 -17 100 -4,4 %');
    expect(text).toContain('Resultat 328 282 336 069 -7 787 -2,4 %');
    expect(text).toContain('Intäkter -62 289 -71 602 9 313 15,0 %');
    expect(text).toContain('Tabell 2. Investeringsredovisning socialnämnden, utfall 2023 (tkr)');
    expect(text).toContain('Inventarier Skållerudshemmet 30 151 -121 -403,3 % Nej');
    expect(text).toContain('Helt uppfyllt (enligt');
    expect(text).toContain('Positiv avvikelse = överskott mot budget');
    expect(text).toMatch(/Sida 1 av \d/);
  });

  it("Ale's Ekonomisk sammanställning: Totalt −7 000 (−1,0 %)", () => {
    if (!hasTools) return;
    const text = docxText.get('ale-2024') ?? '';
    expect(text).toContain('Tabell 1. Ekonomisk sammanställning socialnämnden, prognos 2023 (tkr)');
    expect(text).toContain('Totalt -683 434 -690 434 -7 000 -1,0 %');
    expect(text).toContain('Funktionsstöd -209 491 -217 231 -7 740 -3,7 %');
    expect(text).toContain('Investeringsplan socialnämnden, 2024–2027 (tkr)');
    expect(text).toContain('Årsanslag 2 000 2 000 2 000 2 000');
  });

  it("Mark: mnkr with one decimal, the plan's kontrollmoment, the matrix's risk numbers", () => {
    if (!hasTools) return;
    const text = docxText.get('mark-2024') ?? '';
    expect(text).toContain('Intäkter 28,1 31,6 3,5 12,5 %');
    expect(text).toContain('Nettokostnader -426,8 -424,3 2,5 0,6 %');
    expect(text).toContain('Internkontrollplan socialnämnden');
    expect(text).toContain('Kontrollmoment');
    expect(text).toContain('Riskmatris socialnämnden');
    expect(text).toContain('3 Möjlig 1 3, 4, 5');
    expect(text).toContain('Zoner efter riskvärde: grönt 1–4, gult 5–9, orange 10–14, rött 15–25.');
    expect(text).toContain('Sjukfrånvaro alla anställda (%) 8,2 % 9,3 % 8,6 %');
  });

  it('Alingsås: verdict words beside their colours', () => {
    if (!hasTools) return;
    const text = docxText.get('alingsas-2023') ?? '';
    expect(text).toContain('Måluppfyllelse socialnämnden, 2023');
    expect(text).toContain('Helt uppfyllt – 1 av 1');
    expect(text).toContain('Ej uppfyllt');
  });
});

describe('the report workbook (--out) in LibreOffice', () => {
  it('shows the document tables in Swedish number formats on any machine', () => {
    if (!hasTools) return;
    const text = xlsxText.get('mellerud-2023') ?? '';
    expect(text).toContain('Driftredovisning socialnämnden, bokslut 2023 (tkr)');
    expect(text).toContain('Sa kostnader 390 571 407 671 -17 100 -4,4 %');
    expect(text).toMatch(/Sida 1 av \d/);
    expect(xlsxText.get('ale-2024')).toContain('Totalt -683 434 -690 434 -7 000 -1,0 %');
  });
});

describe('the .docx as Word tables', () => {
  it('one table per document table, each with a header row repeated on every page', () => {
    const xml = documentXml('mark-2024');
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables).toHaveLength(9);
    expect(xml.match(/<w:tblHeader\/>/g) ?? []).toHaveLength(9);
  });

  it('numbers right-aligned, totals bold and ruled, signal colours as shading', () => {
    const xml = documentXml('mellerud-2023');
    // The Resultat row: bold, double-ruled below.
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*>Resultat<\/w:t>/);
    expect(xml).toMatch(/w:val="double"/);
    // −7 787 right-aligned (U+2212, no-break space).
    expect(xml).toMatch(/<w:jc w:val="right"\/>(?:(?!<\/w:p>).)*>\u22127\u00a0787<\/w:t>/);
    const goals = documentXml('alingsas-2023');
    expect(goals).toMatch(/w:fill="C6EFCE"(?:(?!<\/w:tc>).)*>Uppfyllt<\/w:t>/);
    expect(goals).toMatch(/w:fill="FFC7CE"(?:(?!<\/w:tc>).)*>Ej uppfyllt<\/w:t>/);
    const mark = documentXml('mark-2024');
    expect(mark).toMatch(/w:fill="F4B183"(?:(?!<\/w:tc>).)*>3, 4, 5<\/w:t>/);
  });
});

describe('the document sheets of the report workbook', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'mark-2024-rapport.xlsx'));
  });

  it('sheets of their own beside the audit listing, names prefixed NP and at most 31 characters', () => {
    const names = book.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual([
      'NP Driftredovisning',
      'NP Investeringsredovisning',
      'NP Mål och indikatorer',
    ]);
    expect(names).toContain('NP Riskmatris');
    expect(names.slice(-4)).toEqual([
      'NP Avvikelser',
      'NP Måluppfyllelse',
      'NP Internkontroll',
      'NP Kontroller',
    ]);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  it('a font on every cell, bold totals, Swedish formats, page header and numbers, no filter', () => {
    const ws = book.getWorksheet('NP Driftredovisning')!;
    expect(ws.getCell('A1').value).toBe('Driftredovisning socialnämnden, prognos 2023 (mnkr)');
    ws.eachRow((r) => r.eachCell((c) => expect(c.font?.name).toBe('Calibri')));
    const total = ws.getRow(2 + 9); // the second Nettokostnader, the table's last row
    expect(total.getCell(1).value).toBe('Nettokostnader');
    expect(total.getCell(1).font?.bold).toBe(true);
    expect(total.getCell(4).border?.bottom?.style).toBe('double');
    expect(ws.getRow(3).getCell(1).font?.bold).toBeFalsy();
    expect(ws.getCell('B3').numFmt).toBe('[$-41D]#,##0.0;-#,##0.0');
    expect(ws.getCell('E3').numFmt).toBe('[$-41D]0.0" %";-0.0" %"');
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.headerFooter.oddHeader).toContain('Driftredovisning socialnämnden');
    expect(ws.autoFilter).toBeUndefined();
    expect(ws.pageSetup.fitToWidth).toBe(1);
  });

  it('row heights that fit wrapped text; the matrix with its own widths and zone fills', () => {
    const goals = book.getWorksheet('NP Mål och indikatorer')!;
    const tall: number[] = [];
    goals.eachRow((r) => {
      if ((r.height ?? 0) > 20) tall.push(r.number);
    });
    expect(tall.length).toBeGreaterThan(0);
    const m = book.getWorksheet('NP Riskmatris')!;
    expect(m.getColumn(1).width).toBe(22);
    expect(m.getColumn(2).width).toBe(13);
    const cell = m.getCell(3 + 2, 5); // sannolikhet 3, konsekvens 4
    expect(cell.value).toBe('3, 4, 5');
    expect(cell.fill).toMatchObject({ fgColor: { argb: 'FFF4B183' } });
    expect(m.getCell(3, 6).fill).toMatchObject({ fgColor: { argb: 'FFFF7C80' } }); // 5 × 5 red
    expect(m.getCell(7, 2).fill).toMatchObject({ fgColor: { argb: 'FFA9D08E' } }); // 1 × 1 green
  });
});

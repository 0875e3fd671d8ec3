import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildReportSheets } from '../../src/domain/standardTables';
import {
  amountFormat,
  cellText,
  MAX_CELL_TEXT,
  NUMBER_OUT_OF_RANGE,
  sourceLink,
  writeReportWorkbook,
} from '../../src/adapters/xlsx/writeReportWorkbook';
import type { ReportSheet } from '../../src/domain/reportSheets';
import { checkReportWorkbook } from '../hostile/helpers/runner';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { seedReport } from '../helpers/seedReport';

describe('writeReportWorkbook', () => {
  let bytes: Uint8Array;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const sheets = buildReportSheets(seedReport(), {
      riskThreshold: 12,
      varianceThresholdPercent: 2,
    });
    bytes = await writeReportWorkbook(sheets, { sourceFile: 'alingsas 2023.xlsx' });
    book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.slice().buffer);
  });

  it('writes the four NP sheets with a bold title, a frozen header and an autofilter', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'NP Avvikelser',
      'NP Måluppfyllelse',
      'NP Internkontroll',
      'NP Kontroller',
    ]);
    const ws = book.getWorksheet('NP Avvikelser')!;
    expect(ws.getCell('A1').value).toMatch(/^Budgetavvikelser/);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('Tabell');
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(1).width).toBe(44);
  });

  it('writes amounts with Swedish grouping formats and mnkr with one decimal', () => {
    const ws = book.getWorksheet('NP Avvikelser')!;
    // Each source table opens with a bold title row naming it and its unit.
    expect(ws.getCell('A3').value).toBe('Ekonomi!A4:G14 – Drift (tkr)');
    expect(ws.getCell('A3').font).toMatchObject({ bold: true });
    expect(ws.getCell('D3').value).toBeNull();
    // Alingsås: Verksamhetens intäkter, Budget 2023 16 924 tkr.
    expect(ws.getCell('D4').value).toBe(16924);
    expect(ws.getCell('D4').numFmt).toBe('[$-41D]#,##0;-#,##0');
    // Mark 5.1 Driftbudget under its own mnkr title row: Intäkter 28,1 → 31,6, +3,5 mnkr.
    expect(ws.getCell('A23').value).toBe('Mark Ekonomi!A4:E13 – 5.1 Driftbudget (mnkr)');
    expect(ws.getCell('G24').value).toBe(3.5);
    expect(ws.getCell('G24').numFmt).toBe('[$-41D]#,##0.0;-#,##0.0');
    // Köp av tjänster −57 276 → −61 100: −3 824 tkr, −6,7 %, past the 2 % threshold: red.
    expect([ws.getCell('G7').value, ws.getCell('H7').value]).toEqual([-3824, -6.7]);
    expect(ws.getCell('H7').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    // Personalkostnader +3 960 tkr, +2,9 %: favourable, never red.
    expect(ws.getCell('H5').value).toBe(2.9);
    expect((ws.getCell('H5').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(
      'FFFFC7CE',
    );
  });

  it('links each row to its source cell in the source workbook', () => {
    const ws = book.getWorksheet('NP Avvikelser')!;
    expect(ws.getCell('K4').value).toEqual({
      text: 'Ekonomi!C5',
      hyperlink: "alingsas%202023.xlsx#'Ekonomi'!C5",
    });
    expect(sourceLink('../in/plan.xlsx', { sheet: "Nämnd's", cell: 'D10' })).toBe(
      "../in/plan.xlsx#'Nämnd''s'!D10",
    );
  });

  it('colours indicator status: green met, red not met, yellow unclear', () => {
    const ws = book.getWorksheet('NP Måluppfyllelse')!;
    const fill = (a: string): unknown => (ws.getCell(a).fill as ExcelJS.FillPattern).fgColor?.argb;
    // Rows grouped by goal, indicators indented under theirs: find them by their names.
    const rowStarting = (text: string): number => {
      let found = 0;
      ws.getColumn(1).eachCell((cell, row) => {
        if (found === 0 && String(cell.text).trim().startsWith(text)) found = row;
      });
      if (found === 0) throw new Error(`no row starting with ${text}`);
      return found;
    };
    // Alingsås: långvarigt ekonomiskt bistånd 166 against 135 (no direction), ≥81 against 70.
    const bistand = rowStarting('Antal vuxna biståndsmottagare');
    const ater = rowStarting('Ej återaktualiserade');
    expect([ws.getCell(`G${bistand}`).value, fill(`G${bistand}`)]).toEqual(['Oklart', 'FFFFEB9C']);
    expect([ws.getCell(`G${ater}`).value, fill(`G${ater}`)]).toEqual(['Ej uppfyllt', 'FFFFC7CE']);
    // Their goal stands above them with its verdict in word and colour, the count beside it.
    const goal = rowStarting('Antal personer som blir självförsörjande ska öka');
    expect(goal).toBeLessThan(bistand);
    expect([ws.getCell(`G${goal}`).value, fill(`G${goal}`)]).toEqual(['Ej uppfyllt', 'FFFFC7CE']);
    expect(ws.getCell(`H${goal}`).text).toMatch(/^0 av 2 indikatorer uppfyllda/);
    // Every status cell carries its own colour, met ones green.
    const colour: Record<string, string> = {
      Uppfyllt: 'FFC6EFCE',
      'Ej uppfyllt': 'FFFFC7CE',
      Oklart: 'FFFFEB9C',
    };
    const seen = new Set<string>();
    ws.getColumn(7).eachCell((cell, row) => {
      const status = String(cell.text);
      if (row < 3 || !(status in colour)) return;
      seen.add(status);
      expect([status, fill(`G${row}`)]).toEqual([status, colour[status]]);
    });
    expect([...seen].sort()).toEqual(['Ej uppfyllt', 'Oklart', 'Uppfyllt']);
  });

  it('writes the risk matrix under the risks and the problems under the checks', () => {
    // Read back with our own reader: the grids are plain values.
    const snap = readWorkbook(bytes, 'rapport.xlsx');
    const ik = snap.sheets.find((s) => s.name === 'NP Internkontroll')!;
    const top = ik.values.findIndex((r) => r[0] === 'Sannolikhet \\ Konsekvens');
    expect(top).toBeGreaterThan(3);
    // Mark's risks: sannolikhet 3 × väsentlighet 3 once, 3 × 4 three times.
    expect(ik.values[top + 3]).toEqual(['3 Möjlig', 0, 0, 1, 3, 0]);
    const k = snap.sheets.find((s) => s.name === 'NP Kontroller')!;
    // Alingsås: Verksamhetens kostnader −157 698 against −157 697 (rounding); Reinvestering's
    // Delårsbokslut 246 against its parts' 276 (a real mismatch in the seed).
    expect(k.values[2]!.slice(0, 7)).toEqual([
      'Ekonomi!E10',
      'Verksamhetens kostnader',
      'Summa',
      -157698,
      -157697,
      -1,
      'Avrundning',
    ]);
    expect(k.values[4]!.slice(0, 7)).toEqual([
      'Ekonomi!F23',
      'Reinvestering',
      'Summa',
      246,
      276,
      -30,
      'Stämmer inte',
    ]);
    expect(
      k.values.some((r) => String(r[3]).startsWith('Teckenkonventionen (costs-positive)')),
    ).toBe(true);
  });

  it('formats: whole and decimal amounts', () => {
    expect(amountFormat(0)).toBe('[$-41D]#,##0;-#,##0');
    expect(amountFormat(2)).toBe('[$-41D]#,##0.00;-#,##0.00');
  });

  it('opens in LibreOffice (converts to a non-empty PDF)', () => {
    const which = spawnSync('which', ['soffice']);
    if (which.status !== 0) {
      // CI installs LibreOffice (.ci/run); there its absence is a failure, not a skip.
      if (process.env.CI) throw new Error('soffice (LibreOffice) missing');
      console.warn('VARNING: soffice (LibreOffice) saknas; LibreOffice-testet hoppas över.');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'np-lo-'));
    try {
      writeFileSync(join(dir, 'rapport.xlsx'), bytes);
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'rapport.xlsx'),
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const pdf = join(dir, 'rapport.pdf');
      expect(statSync(pdf).size).toBeGreaterThan(1000);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writeReportWorkbook on hostile text and numbers (issue 12 items 5 and 8)', () => {
  const cell = { sheet: 'Drift', cell: 'C3' };

  it('link injection through the file name: a name is never a URL', () => {
    // This name made every source link point at https://evil.example/…
    expect(sourceLink('https:\\\\evil.example\\x.xlsx', cell)).toBe(
      "https%3A%5C%5Cevil.example%5Cx.xlsx#'Drift'!C3",
    );
    expect(sourceLink('javascript:alert(1).xlsx', cell)).toBe(
      "javascript%3Aalert(1).xlsx#'Drift'!C3",
    );
    expect(sourceLink('../in/plan#2?.xlsx', cell)).toBe("../in/plan%232%3F.xlsx#'Drift'!C3");
    // Absolute paths and `//server/share` (a Windows network path) make no link at all.
    expect(sourceLink('/etc/plan.xlsx', cell)).toBeNull();
    expect(sourceLink('//evil.example/share/x.xlsx', cell)).toBeNull();
    expect(sourceLink(`${'a'.repeat(2100)}.xlsx`, cell)).toBeNull();
  });

  it('strips what XML forbids and cuts a cell at 32 767 characters', () => {
    expect(cellText('Äldre\u0001omsorg\uffff\ufffe\ud800')).toBe('Äldreomsorg');
    const cut = cellText('a'.repeat(40000));
    expect([cut.length, cut.endsWith('…')]).toEqual([MAX_CELL_TEXT, true]);
    // Never half a surrogate pair: one character fewer instead.
    const emoji = cellText(`a${'😀'.repeat(20000)}`);
    expect([emoji.length, /[\ud800-\udbff]…$/.test(emoji)]).toEqual([MAX_CELL_TEXT - 1, false]);
  });

  it('writes a well-formed workbook: no forbidden character, no Infinity, no over-long cell', async () => {
    const sheet: ReportSheet = {
      name: 'NP Avvikelser',
      title: `Avvikelser ${'lång '.repeat(8000)}`,
      columns: [
        { header: 'Rad\u0007', role: 'text' },
        { header: 'Avvikelse', role: 'amount' },
        { header: 'Källa', role: 'link' },
      ],
      rows: [
        {
          kind: 'line',
          values: ['Äldre\u001b[2J\uffffomsorg', -Infinity, 'Drift!C3'],
          source: cell,
        },
      ],
    } as unknown as ReportSheet;
    const bytes = await writeReportWorkbook([sheet], {
      sourceFile: 'https:\\\\evil.example\\x.xlsx',
    });
    const parts = checkReportWorkbook(Buffer.from(bytes));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes.slice().buffer);
    const ws = back.getWorksheet('NP Avvikelser')!;
    expect(ws.getCell('A3').value).toBe('Äldre[2Jomsorg'); // ESC and U+FFFF are not XML
    expect(ws.getCell('B3').value).toBe(NUMBER_OUT_OF_RANGE);
    expect(ws.getCell('A1').text).toHaveLength(MAX_CELL_TEXT);
    expect(JSON.stringify(parts)).not.toContain('https://');
  });
});

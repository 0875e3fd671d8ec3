import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildReportSheets } from '../../src/domain/standardTables';
import {
  amountFormat,
  sourceLink,
  writeReportWorkbook,
} from '../../src/adapters/xlsx/writeReportWorkbook';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { sampleReport } from './helpers/sampleReport';

describe('writeReportWorkbook', () => {
  let bytes: Uint8Array;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const sheets = buildReportSheets(sampleReport, {
      riskThreshold: 12,
      varianceThresholdPercent: 2,
    });
    bytes = await writeReportWorkbook(sheets, { sourceFile: 'mellerud 2023.xlsx' });
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
    expect(ws.getCell('A3').value).toBe('Drift!A3:E9 – Driftredovisning (tkr)');
    expect(ws.getCell('A3').font).toMatchObject({ bold: true });
    expect(ws.getCell('D3').value).toBeNull();
    expect(ws.getCell('D4').value).toBe(-62289);
    expect(ws.getCell('D4').numFmt).toBe('#,##0;-#,##0');
    expect(ws.getCell('G7').value).toBe(-2.6); // under its own mnkr table's title row
    expect(ws.getCell('G7').numFmt).toBe('#,##0.0;-#,##0.0');
    expect(ws.getCell('H5').value).toBe(-2.4);
    // −2,4 % is past the 2 % threshold: red.
    expect(ws.getCell('H5').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('links each row to its source cell in the source workbook', () => {
    const ws = book.getWorksheet('NP Avvikelser')!;
    expect(ws.getCell('K4').value).toEqual({
      text: 'Drift!C5',
      hyperlink: "mellerud%202023.xlsx#'Drift'!C5",
    });
    expect(sourceLink('../in/plan.xlsx', { sheet: "Nämnd's", cell: 'D10' })).toBe(
      "../in/plan.xlsx#'Nämnd''s'!D10",
    );
  });

  it('colours indicator status: green met, red not met, yellow unclear', () => {
    const ws = book.getWorksheet('NP Måluppfyllelse')!;
    const fill = (a: string): unknown => (ws.getCell(a).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect([ws.getCell('G3').value, fill('G3')]).toEqual(['Uppfyllt', 'FFC6EFCE']);
    expect([ws.getCell('G4').value, fill('G4')]).toEqual(['Ej uppfyllt', 'FFFFC7CE']);
    expect([ws.getCell('G5').value, fill('G5')]).toEqual(['Oklart', 'FFFFEB9C']);
  });

  it('writes the risk matrix under the risks and the problems under the checks', () => {
    // Read back with our own reader: the grids are plain values.
    const snap = readWorkbook(bytes, 'rapport.xlsx');
    const ik = snap.sheets.find((s) => s.name === 'NP Internkontroll')!;
    const top = ik.values.findIndex((r) => r[0] === 'Sannolikhet \\ Konsekvens');
    expect(top).toBeGreaterThan(3);
    expect(ik.values[top + 3]).toEqual(['3 Möjlig', 0, 0, 1, 1, 0, null]);
    const k = snap.sheets.find((s) => s.name === 'NP Kontroller')!;
    expect(k.values[2]!.slice(0, 7)).toEqual([
      'Drift!E9',
      'Resultat',
      'Summa',
      336069,
      336041,
      28,
      'Stämmer inte',
    ]);
    expect(k.values.some((r) => r[3] === 'Talet kunde inte läsas.')).toBe(true);
  });

  it('formats: whole and decimal amounts', () => {
    expect(amountFormat(0)).toBe('#,##0;-#,##0');
    expect(amountFormat(2)).toBe('#,##0.00;-#,##0.00');
  });

  it('opens in LibreOffice (converts to a non-empty PDF)', () => {
    const which = spawnSync('which', ['soffice']);
    if (which.status !== 0) {
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

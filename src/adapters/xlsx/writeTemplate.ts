/**
 * Writes the product's templates (`TemplateContent`, from `prefillTemplate`) into a new .xlsx
 * workbook with ExcelJS: Uppföljning drift, Uppföljning investeringar, Måluppfyllelse and
 * Internkontrollplan, each on its own sheet, plus the very hidden marker sheet `NP Mall` by which
 * the product knows its own templates (`checkTemplate`). Per sheet: bold filled headers, frozen
 * below the header; formulas for Avvikelse, Avvikelse %, the Summa row and Riskvärde; data
 * validation lists (Bedömning; Sannolikhet and Konsekvens 1–5 with domain.md's words); the
 * comment-required rule on the drift sheet (a conditional format plus a note on its header);
 * locked formula, header and pre-filled cells, the sheet protected without a password; widths,
 * number formats, A4 print setup. No `node:*`: runs in the browser too.
 */
import ExcelJS from 'exceljs';
import { address } from '../../domain/grid';
import type { TemplateKind } from '../../domain/report';
import {
  BLANK_LINES,
  CONSEQUENCE_LIST,
  DRIFT,
  FIRST_ROW,
  GOALS,
  HEADER_ROW,
  INVEST,
  MARKER_SHEET,
  NOTE_ROW,
  PROBABILITY_LIST,
  RISKS,
  SHEET_NAMES,
  SUM_LABEL,
  TITLE_ROW,
  headers,
  markerLines,
  verdictList,
  type TemplateContent,
} from '../../domain/templates/templateModel';
import { amountFormat, cellText } from './writeReportWorkbook';

const FONT = { name: 'Calibri', size: 11 } as const;
const HEADER_FILL = 'FFD9E1F2';
/** Cells the committee fills in: a light yellow, the convention of Swedish finance templates. */
const INPUT_FILL = 'FFFFF9E5';
const REQUIRED_FILL = 'FFFFC7CE';
const PERCENT = '0.0%';

const WIDTHS: Record<TemplateKind, number[]> = {
  'uppfoljning-drift': [36, 14, 16, 14, 14, 12, 48],
  'uppfoljning-investeringar': [40, 14, 14, 14, 14, 48],
  maluppfyllelse: [36, 36, 44, 14, 12, 22, 48],
  internkontrollplan: [24, 44, 20, 20, 11, 36, 18, 14, 20],
};

/**
 * Writes the four template sheets and the marker and returns the workbook's bytes.
 *
 * @example await writeTemplate(prefillTemplate(null, { period: 'delår 2025' })) // → .xlsx bytes
 */
export async function writeTemplate(content: TemplateContent): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Nämndplan';
  book.created = new Date(0);
  for (const ws of [
    writeDrift(book, content),
    writeInvestments(book, content),
    writeGoals(book, content),
    writeRisks(book, content),
  ]) {
    await protect(ws);
  }
  const marker = book.addWorksheet(MARKER_SHEET, { state: 'veryHidden' });
  markerLines(content).forEach((line, i) => {
    marker.getCell(i + 1, 1).value = line;
  });
  const buffer: unknown = await book.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

function unitText(content: TemplateContent): string {
  return content.unit ?? 'kr';
}

/** A sheet with its title, instruction, header row, widths, print setup and frozen header. */
function sheet(
  book: ExcelJS.Workbook,
  kind: TemplateKind,
  content: TemplateContent,
  title: string,
  note: string,
): ExcelJS.Worksheet {
  const widths = WIDTHS[kind];
  const ws = book.addWorksheet(SHEET_NAMES[kind], {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&LNämndplan&RSida &P av &N' },
  });
  ws.columns = widths.map((width) => ({ width }));
  const t = ws.getCell(TITLE_ROW, 1);
  t.value = cellText(title);
  t.font = { ...FONT, bold: true, size: 13 };
  const n = ws.getCell(NOTE_ROW, 1);
  n.value = cellText(note);
  n.font = { ...FONT, italic: true, size: 10 };
  headers(kind, content).forEach((h, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = h;
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = {
      vertical: 'bottom',
      wrapText: true,
      horizontal: i === 0 ? 'left' : 'center',
    };
  });
  return ws;
}

/** Marks a cell as one the committee fills in: unlocked, light yellow. */
function input(cell: ExcelJS.Cell, numFmt?: string): void {
  cell.protection = { locked: false };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
  cell.font = FONT;
  if (numFmt !== undefined) cell.numFmt = numFmt;
  cell.alignment = { vertical: 'top', wrapText: true };
}

function locked(cell: ExcelJS.Cell, numFmt?: string): void {
  cell.font = FONT;
  if (numFmt !== undefined) cell.numFmt = numFmt;
  cell.alignment = { vertical: 'top', wrapText: true };
}

/** Protects a sheet without a password: locked cells stay locked, the rest may be filled. */
async function protect(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
    insertRows: false,
    deleteRows: false,
  });
}

function listValidation(values: readonly string[], prompt: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showInputMessage: true,
    promptTitle: 'Välj i listan',
    prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ogiltigt värde',
    error: `Välj ett av: ${values.join(', ')}`,
  };
}

function writeDrift(book: ExcelJS.Workbook, content: TemplateContent): ExcelJS.Worksheet {
  const unit = unitText(content);
  const { amount, percent } = content.thresholds;
  const rule = `Kommentar krävs där avvikelsen är minst ${String(amount).replace('.', ',')} ${unit} eller minst ${String(percent).replace('.', ',')} % (plus eller minus).`;
  const ws = sheet(
    book,
    'uppfoljning-drift',
    content,
    `Uppföljning drift, ${content.period} (${unit})`,
    `Fyll i utfall, prognos helår och kommentar. Avvikelse = positiv vid överskott. ${rule}`,
  );
  const money = amountFormat(content.unit === 'mnkr' ? 1 : 0);
  const lines =
    content.drift.length > 0
      ? content.drift
      : Array.from({ length: BLANK_LINES['uppfoljning-drift'] }, () => null);
  const last = FIRST_ROW + lines.length - 1;
  const prefilled = content.drift.length > 0;
  lines.forEach((line, i) => {
    const r = FIRST_ROW + i;
    const label = ws.getCell(r, DRIFT.label);
    const budget = ws.getCell(r, DRIFT.budget);
    if (line) {
      label.value = cellText(line.label);
      budget.value = line.budget;
    }
    if (prefilled) {
      locked(label);
      locked(budget, money);
    } else {
      input(label);
      input(budget, money);
    }
    input(ws.getCell(r, DRIFT.outcome), money);
    input(ws.getCell(r, DRIFT.forecast), money);
    input(ws.getCell(r, DRIFT.comment));
    const b = address(r, DRIFT.budget);
    const f = address(r, DRIFT.forecast);
    const v = address(r, DRIFT.variance);
    const diff = content.convention === 'costs-negative' ? `${f}-${b}` : `${b}-${f}`;
    ws.getCell(r, DRIFT.variance).value = { formula: `IF(OR(${b}="",${f}=""),"",${diff})` };
    locked(ws.getCell(r, DRIFT.variance), money);
    ws.getCell(r, DRIFT.percent).value = {
      formula: `IF(OR(${v}="",N(${b})=0),"",${v}/ABS(${b}))`,
    };
    locked(ws.getCell(r, DRIFT.percent), PERCENT);
  });
  const s = last + 1;
  ws.getCell(s, DRIFT.label).value = SUM_LABEL;
  for (const col of [DRIFT.budget, DRIFT.outcome, DRIFT.forecast, DRIFT.variance]) {
    const cell = ws.getCell(s, col);
    cell.value = { formula: `SUM(${address(FIRST_ROW, col)}:${address(last, col)})` };
    locked(cell, money);
  }
  const sb = address(s, DRIFT.budget);
  const sv = address(s, DRIFT.variance);
  ws.getCell(s, DRIFT.percent).value = { formula: `IF(N(${sb})=0,"",${sv}/ABS(${sb}))` };
  locked(ws.getCell(s, DRIFT.percent), PERCENT);
  for (let c = 1; c <= DRIFT.comment; c++) {
    const cell = ws.getCell(s, c);
    cell.font = { ...FONT, bold: true };
    cell.border = { top: { style: 'thin' } };
  }
  // The comment rule: the cell turns red while it is empty past either threshold.
  const g = address(FIRST_ROW, DRIFT.comment);
  const e = address(FIRST_ROW, DRIFT.variance);
  const p = address(FIRST_ROW, DRIFT.percent);
  ws.addConditionalFormatting({
    ref: `${g}:${address(last, DRIFT.comment)}`,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [
          `AND(LEN(TRIM(${g}))=0,OR(ABS(N(${e}))>=${amount},ABS(N(${p}))>=${percent / 100}))`,
        ],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: REQUIRED_FILL } } },
      },
    ],
  });
  ws.getCell(HEADER_ROW, DRIFT.comment).note = rule;
  ws.getCell(HEADER_ROW, DRIFT.variance).note =
    content.convention === 'costs-negative'
      ? 'Prognos helår − budget (kostnader negativa): positiv = överskott.'
      : 'Budget − prognos helår (kostnader positiva): positiv = överskott.';
  return ws;
}

function writeInvestments(book: ExcelJS.Workbook, content: TemplateContent): ExcelJS.Worksheet {
  const unit = unitText(content);
  const ws = sheet(
    book,
    'uppfoljning-investeringar',
    content,
    `Uppföljning investeringar, ${content.period} (${unit})`,
    'Fyll i utfall, prognos och kommentar per projekt. Avvikelse = budget − prognos, positiv när projektet kostar mindre än budgeterat.',
  );
  const money = amountFormat(content.unit === 'mnkr' ? 1 : 0);
  const lines =
    content.investments.length > 0
      ? content.investments
      : Array.from({ length: BLANK_LINES['uppfoljning-investeringar'] }, () => null);
  const prefilled = content.investments.length > 0;
  const last = FIRST_ROW + lines.length - 1;
  lines.forEach((line, i) => {
    const r = FIRST_ROW + i;
    const label = ws.getCell(r, INVEST.label);
    const budget = ws.getCell(r, INVEST.budget);
    if (line) {
      label.value = cellText(line.label);
      budget.value = line.budget;
    }
    if (prefilled) {
      locked(label);
      locked(budget, money);
    } else {
      input(label);
      input(budget, money);
    }
    input(ws.getCell(r, INVEST.outcome), money);
    input(ws.getCell(r, INVEST.forecast), money);
    input(ws.getCell(r, INVEST.comment));
    const b = address(r, INVEST.budget);
    const f = address(r, INVEST.forecast);
    ws.getCell(r, INVEST.variance).value = { formula: `IF(OR(${b}="",${f}=""),"",${b}-${f})` };
    locked(ws.getCell(r, INVEST.variance), money);
  });
  const s = last + 1;
  ws.getCell(s, INVEST.label).value = SUM_LABEL;
  for (const col of [INVEST.budget, INVEST.outcome, INVEST.forecast, INVEST.variance]) {
    const cell = ws.getCell(s, col);
    cell.value = { formula: `SUM(${address(FIRST_ROW, col)}:${address(last, col)})` };
    locked(cell, money);
  }
  for (let c = 1; c <= INVEST.comment; c++) {
    const cell = ws.getCell(s, c);
    cell.font = { ...FONT, bold: true };
    cell.border = { top: { style: 'thin' } };
  }
  return ws;
}

function writeGoals(book: ExcelJS.Workbook, content: TemplateContent): ExcelJS.Worksheet {
  const list = verdictList(content.scale);
  const ws = sheet(
    book,
    'maluppfyllelse',
    content,
    `Måluppfyllelse, ${content.period}`,
    'Fyll i utfall per indikator och bedömning och analys per mål. Målvärdet anges med operator (≥ 90, ≤ 40, 70-100).',
  );
  const prefilled = content.goals.length > 0;
  const count = prefilled ? content.goals.length : BLANK_LINES.maluppfyllelse;
  for (let i = 0; i < count; i++) {
    const r = FIRST_ROW + i;
    const line = prefilled ? content.goals[i] : undefined;
    const cells = [GOALS.kf, GOALS.namnd, GOALS.indicator, GOALS.target].map((c) =>
      ws.getCell(r, c),
    );
    if (line?.kind === 'goal') {
      ws.getCell(r, line.level === 'kf' ? GOALS.kf : GOALS.namnd).value = cellText(line.text);
      for (const c of cells) c.font = { ...FONT, bold: true };
    } else if (line?.kind === 'indicator') {
      ws.getCell(r, GOALS.indicator).value = cellText(line.name);
      if (line.target !== null) ws.getCell(r, GOALS.target).value = cellText(line.target);
    }
    for (const c of cells) {
      if (prefilled) locked(c);
      else input(c);
      if (line?.kind === 'goal') c.font = { ...FONT, bold: true };
    }
    // A goal's line takes a verdict and an analysis, an indicator's an outcome.
    if (line?.kind !== 'goal') input(ws.getCell(r, GOALS.outcome));
    else locked(ws.getCell(r, GOALS.outcome));
    if (line?.kind !== 'indicator') {
      const verdict = ws.getCell(r, GOALS.verdict);
      input(verdict);
      verdict.dataValidation = listValidation(list, 'Bedömning av målet');
    } else locked(ws.getCell(r, GOALS.verdict));
    input(ws.getCell(r, GOALS.analysis));
  }
  return ws;
}

function writeRisks(book: ExcelJS.Workbook, content: TemplateContent): ExcelJS.Worksheet {
  const ws = sheet(
    book,
    'internkontrollplan',
    content,
    `Internkontrollplan, ${content.period}`,
    'Sannolikhet och konsekvens 1–5 väljs i listan; riskvärde = sannolikhet × konsekvens beräknas. Fyll i kontrollmoment, ansvarig, frekvens och vem som får rapporten.',
  );
  const prefilled = content.risks.length > 0;
  const count = prefilled ? content.risks.length : BLANK_LINES.internkontrollplan;
  for (let i = 0; i < count; i++) {
    const r = FIRST_ROW + i;
    const line = prefilled ? content.risks[i] : undefined;
    const process = ws.getCell(r, RISKS.process);
    const risk = ws.getCell(r, RISKS.risk);
    if (line) {
      if (line.process !== null) process.value = cellText(line.process);
      risk.value = cellText(line.risk);
    }
    for (const c of [process, risk]) {
      if (prefilled) locked(c);
      else input(c);
    }
    const p = ws.getCell(r, RISKS.probability);
    const k = ws.getCell(r, RISKS.consequence);
    if (line?.probability != null) p.value = PROBABILITY_LIST[line.probability - 1] ?? null;
    if (line?.consequence != null) k.value = CONSEQUENCE_LIST[line.consequence - 1] ?? null;
    input(p);
    input(k);
    p.dataValidation = listValidation(PROBABILITY_LIST, 'Sannolikhet 1–5');
    k.dataValidation = listValidation(CONSEQUENCE_LIST, 'Konsekvens 1–5');
    const pa = address(r, RISKS.probability);
    const ka = address(r, RISKS.consequence);
    ws.getCell(r, RISKS.value).value = {
      formula: `IF(OR(${pa}="",${ka}=""),"",VALUE(LEFT(${pa},1))*VALUE(LEFT(${ka},1)))`,
    };
    locked(ws.getCell(r, RISKS.value), '0');
    ws.getCell(r, RISKS.value).alignment = { horizontal: 'center', vertical: 'top' };
    for (const c of [RISKS.control, RISKS.owner, RISKS.frequency, RISKS.reportedTo]) {
      input(ws.getCell(r, c));
    }
  }
  return ws;
}

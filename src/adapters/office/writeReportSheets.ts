/**
 * Writes the report sheets into the live workbook through Office.js. Never touches a user's
 * sheet: our sheets carry a hidden sheet-scoped name (REPORT_MARKER, ExcelApi 1.4); a name held
 * by a sheet without it is skipped for `NP … (2)`; a sheet with it is replaced only after
 * `confirmReplace` agrees.
 *
 * Syncs: 1 (sheet names) + 1 (markers, only when a report name is already taken) + the writes,
 * packed into syncs of at most SYNC_BUDGET_BYTES with API calculation suspended in each; a
 * normal report (< 4 MB) is written in ONE sync, so 2–3 syncs in all.
 */
import { address } from '../../domain/grid';
import type { ReportSheet } from '../../domain/reportSheets';
import type { Progress, WriteOutcome } from '../../taskpane/host';
import { layoutReportSheet, ROLE_COLOURS, type SheetLayout } from './reportLayout';
import { ACTION_BYTES, jsonSize, SYNC_BUDGET_BYTES } from './payload';
import { isCandidateName, planSheetNames, type ExistingSheet } from './sheetNames';

/** The sheet-scoped name that marks a sheet as written by Nämndplan. */
export const REPORT_MARKER = 'NamndplanRapport';

/** One queued piece of work and its estimated request size. */
interface Op {
  bytes: number;
  queue(): void;
}

/** Rows of `rows`, cut so that each chunk's JSON stays under `limit` bytes. */
function chunkRows<T>(rows: T[][], limit: number): { start: number; rows: T[][] }[] {
  const chunks: { start: number; rows: T[][] }[] = [];
  let current: T[][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const n = jsonSize(row) + 1;
    if (current.length > 0 && bytes + n > limit) {
      chunks.push({ start, rows: current });
      current = [];
      start = i;
      bytes = 0;
    }
    current.push(row);
    bytes += n;
  });
  if (current.length > 0) chunks.push({ start, rows: current });
  return chunks;
}

/** The ops that write one laid-out sheet (after it has been added). */
function sheetOps(ws: () => Excel.Worksheet, layout: SheetLayout): Op[] {
  const ops: Op[] = [];
  const lastCol = layout.width;
  const half = Math.floor(SYNC_BUDGET_BYTES / 2);
  // Formats first: a text cell formatted `@` keeps "2023-08-31" as text when values arrive.
  for (const key of ['formats', 'values'] as const) {
    for (const chunk of chunkRows<string | number>(layout[key], half)) {
      const a1 = `A${chunk.start + 1}:${address(chunk.start + chunk.rows.length, lastCol)}`;
      ops.push({
        bytes: ACTION_BYTES + jsonSize(chunk.rows),
        queue: () => {
          const range = ws().getRange(a1);
          if (key === 'formats') range.numberFormat = chunk.rows;
          else range.values = chunk.rows;
        },
      });
    }
  }
  ops.push({
    bytes: ACTION_BYTES * (4 + layout.boldRows.length + layout.widths.length),
    queue: () => {
      const sheet = ws();
      for (const r of layout.boldRows)
        sheet.getRange(`A${r}:${address(r, lastCol)}`).format.font.bold = true;
      sheet.tables.add(sheet.getRange(layout.tableRange), true);
      for (const w of layout.widths) {
        const col = address(1, w.column + 1).replace(/\d+$/, '');
        sheet.getRange(`${col}:${col}`).format.columnWidth = w.points;
      }
    },
  });
  for (const rule of layout.rules) {
    const colours = ROLE_COLOURS[rule.role];
    if (!colours) continue;
    ops.push({
      bytes: ACTION_BYTES * 4 + jsonSize(rule),
      queue: () => {
        const cf = ws().getRange(rule.range).conditionalFormats.add('CellValue');
        cf.cellValue.format.fill.color = colours.fill;
        cf.cellValue.format.font.color = colours.font;
        cf.cellValue.rule = {
          formula1: `="${rule.text.replace(/"/g, '""')}"`,
          operator: 'EqualTo',
        };
      },
    });
  }
  for (const fill of layout.fills) {
    const colours = ROLE_COLOURS[fill.role];
    if (!colours) continue;
    ops.push({
      bytes: ACTION_BYTES * 2 + jsonSize(fill),
      queue: () => {
        const range = ws().getRange(fill.range);
        range.format.fill.color = colours.fill;
        range.format.font.color = colours.font;
      },
    });
  }
  for (const link of layout.links) {
    ops.push({
      bytes: ACTION_BYTES + jsonSize(link),
      queue: () => {
        ws().getRange(link.cell).hyperlink = {
          documentReference: link.target,
          textToDisplay: link.text,
          screenTip: `Gå till ${link.text}`,
        };
      },
    });
  }
  return ops;
}

/**
 * Writes `sheets` as report sheets. Returns the names written, the earlier report sheets that
 * were replaced, and `cancelled: true` (nothing written) when the user declined to replace.
 *
 * @example await Excel.run((ctx) => writeReportSheets(ctx, buildReportSheets(report, opts), ask))
 */
export async function writeReportSheets(
  context: Excel.RequestContext,
  sheets: readonly ReportSheet[],
  confirmReplace: (sheetNames: string[]) => Promise<boolean>,
  onProgress?: (p: Progress) => void,
): Promise<WriteOutcome> {
  onProgress?.({ phase: 'writing', fraction: 0 });
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  // Which sheets that could collide with ours carry our marker?
  const candidates = worksheets.items.filter((ws) =>
    sheets.some((s) => isCandidateName(ws.name, s.name)),
  );
  const markers = candidates.map((ws) => ws.names.getItemOrNullObject(REPORT_MARKER));
  if (candidates.length > 0) await context.sync();
  const ours = new Set(
    candidates.filter((_, i) => !markers[i]?.isNullObject).map((ws) => ws.name.toLowerCase()),
  );
  const existing: ExistingSheet[] = worksheets.items.map((ws) => ({
    name: ws.name,
    ours: ours.has(ws.name.toLowerCase()),
  }));

  const plan = planSheetNames(
    sheets.map((s) => s.name),
    existing,
  );
  const replaced = plan.filter((p) => p.replaces).map((p) => p.name);
  if (replaced.length > 0 && !(await confirmReplace(replaced))) {
    return { written: [], replaced: [], cancelled: true };
  }

  const ops: Op[] = [];
  sheets.forEach((sheet, i) => {
    const target = plan[i];
    if (!target) return;
    let ws: Excel.Worksheet | null = null;
    const get = (): Excel.Worksheet => {
      if (!ws) throw new Error(`Internal: sheet ${target.name} used before it was added`);
      return ws;
    };
    ops.push({
      bytes: ACTION_BYTES * 4,
      queue: () => {
        if (target.replaces) worksheets.getItem(target.name).delete();
        ws = worksheets.add(target.name);
        // The marker goes on first, so even a half-written sheet is ours to replace next time.
        const marker = ws.names.add(REPORT_MARKER, '="namndplan:1"', 'Skrivet av Nämndplan');
        marker.visible = false;
      },
    });
    ops.push(...sheetOps(get, layoutReportSheet(sheet)));
  });
  const first = plan[0]?.name;
  if (first) {
    ops.push({ bytes: ACTION_BYTES, queue: () => worksheets.getItem(first).activate() });
  }

  // Pack ops into syncs of at most SYNC_BUDGET_BYTES, each with calculation suspended.
  let pending = 0;
  let done = 0;
  const flush = async (): Promise<void> => {
    if (pending === 0) return;
    await context.sync();
    pending = 0;
    onProgress?.({ phase: 'writing', fraction: done / ops.length });
  };
  for (const op of ops) {
    if (pending > 0 && pending + op.bytes > SYNC_BUDGET_BYTES) await flush();
    if (pending === 0) {
      context.application.suspendApiCalculationUntilNextSync();
      pending = ACTION_BYTES;
    }
    op.queue();
    pending += op.bytes;
    done += 1;
  }
  await flush();
  return { written: plan.map((p) => p.name), replaced, cancelled: false };
}

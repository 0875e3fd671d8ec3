/**
 * Writes the report sheets into the live workbook through Office.js. Never touches a user's
 * sheet: our sheets carry a sheet-scoped name (REPORT_MARKER, ExcelApi 1.4); a name held by a
 * sheet without it is skipped for `NP … (2)`; a sheet with it is rewritten only after the user
 * agreed.
 *
 * Two steps, so the question is asked OUTSIDE any `Excel.run` (a batch must not wait on a user):
 * `planReportSheets` (names, markers: 1–2 syncs) in one run; the question; then, in a second run,
 * `planReportSheets` again (the workbook may have changed meanwhile) and
 * `writePlannedReportSheets`: the writes packed into syncs of at most SYNC_BUDGET_BYTES with API
 * calculation suspended in each; a normal report (< 4 MB) is written in ONE sync.
 *
 * An earlier report sheet is cleared and rewritten in place, never deleted and added again, so
 * that a user's formulas pointing at it keep their references instead of turning into `#REF!`.
 */
import { address } from '../../domain/grid';
import { REPORT_MARKER } from '../../domain/reportMarker';
import type { ReportSheet } from '../../domain/reportSheets';
import type { Progress, WriteOutcome } from '../../taskpane/host';
import { layoutDocumentSheet } from './documentLayout';
import { layoutReportSheet, ROLE_COLOURS, type SheetLayout } from './reportLayout';
import { PAGE_LAYOUT_API, supportsExcelApi } from './requirements';
import { applyPageSetup, applyRangeStyle, PAGE_SETUP_ACTIONS, styleActions } from './sheetLook';
import { ACTION_BYTES, jsonSize, SYNC_BUDGET_BYTES } from './payload';
import { isCandidateName, planSheetNames, type ExistingSheet } from './sheetNames';

/** The sheet-scoped name that marks a sheet as written by Nämndplan. */
export { REPORT_MARKER };

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

/**
 * Appends to `ops` what writes one laid-out sheet (after it has been added or cleared);
 * `pageSetup`: the host has ExcelApi 1.9's page layout.
 */
function pushSheetOps(
  ops: Op[],
  ws: () => Excel.Worksheet,
  layout: SheetLayout,
  pageSetup: boolean,
): void {
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
      if (layout.tableRange !== null) sheet.tables.add(sheet.getRange(layout.tableRange), true);
      for (const w of layout.widths) {
        const col = address(1, w.column + 1).replace(/\d+$/, '');
        sheet.getRange(`${col}:${col}`).format.columnWidth = w.points;
      }
    },
  });
  for (const styled of layout.styles) {
    ops.push({
      bytes: ACTION_BYTES * styleActions(styled.style) + jsonSize(styled),
      queue: () => applyRangeStyle(ws().getRange(styled.range), styled.style),
    });
  }
  for (const h of layout.heights) {
    ops.push({
      bytes: ACTION_BYTES + jsonSize(h),
      queue: () => {
        ws().getRange(h.range).format.rowHeight = h.points;
      },
    });
  }
  for (const m of layout.merges) {
    ops.push({ bytes: ACTION_BYTES, queue: () => ws().getRange(m).merge(false) });
  }
  ops.push({
    bytes: ACTION_BYTES * (1 + (pageSetup ? PAGE_SETUP_ACTIONS : 0)) + jsonSize(layout.page),
    queue: () => {
      const sheet = ws();
      sheet.freezePanes.freezeRows(layout.freezeRows);
      if (pageSetup) applyPageSetup(sheet, layout.page);
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
}

/** Where one report sheet goes, as the plan found the workbook. */
export interface PlannedTarget {
  name: string;
  /** An earlier report sheet of ours with this name is cleared and rewritten. */
  replaces: boolean;
  /** That sheet (bound to the plan's context), its visibility and its tables. */
  existing: {
    worksheet: Excel.Worksheet;
    visibility: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden';
    tables: Excel.TableCollection;
  } | null;
}

/** What `planReportSheets` found; only valid within the `Excel.run` that made it. */
export interface ReportPlan {
  /** One per report sheet, in order. */
  targets: PlannedTarget[];
  /** Names of the earlier report sheets that would be rewritten (ask the user first). */
  replaced: string[];
}

/**
 * Reads the workbook's sheet names (1 sync) and, when a report name is already taken, the
 * marker, visibility and tables of those sheets (1 more sync), and chooses each report sheet's
 * name. Writes nothing.
 * @example (await Excel.run((ctx) => planReportSheets(ctx, sheets))).replaced // ['NP Avvikelser']
 */
export async function planReportSheets(
  context: Excel.RequestContext,
  sheets: readonly ReportSheet[],
): Promise<ReportPlan> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();

  // Which sheets that could collide with ours carry our marker? Their tables come along.
  const candidates = worksheets.items.filter((ws) =>
    sheets.some((s) => isCandidateName(ws.name, s.name)),
  );
  const probes = candidates.map((ws) => ({
    ws,
    marker: ws.names.getItemOrNullObject(REPORT_MARKER),
    tables: ws.tables.load('items/name'),
  }));
  if (candidates.length > 0) await context.sync();
  const ours = new Map(
    probes.filter((p) => !p.marker.isNullObject).map((p) => [p.ws.name.toLowerCase(), p]),
  );
  const existing: ExistingSheet[] = worksheets.items.map((ws) => ({
    name: ws.name,
    ours: ours.has(ws.name.toLowerCase()),
  }));

  const targets = planSheetNames(
    sheets.map((s) => s.name),
    existing,
  ).map((p): PlannedTarget => {
    const probe = p.replaces ? ours.get(p.name.toLowerCase()) : undefined;
    return {
      ...p,
      existing: probe
        ? { worksheet: probe.ws, visibility: probe.ws.visibility, tables: probe.tables }
        : null,
    };
  });
  return { targets, replaced: targets.filter((t) => t.replaces).map((t) => t.name) };
}

/**
 * Writes `sheets` where `plan` (made in the same `Excel.run`) puts them: new sheets are added
 * and marked; earlier report sheets are made visible to the user if VeryHidden (as Hidden: a
 * sheet the user hid stays hidden), their tables turned into plain cells, their conditional
 * formats and cells cleared, and then written like new ones. Run it with `delayForCellEdit`.
 */
export async function writePlannedReportSheets(
  context: Excel.RequestContext,
  sheets: readonly ReportSheet[],
  plan: ReportPlan,
  onProgress?: (p: Progress) => void,
): Promise<WriteOutcome> {
  onProgress?.({ phase: 'writing', fraction: 0 });
  const worksheets = context.workbook.worksheets;
  const ops: Op[] = [];
  // Indent levels and the page layout are ExcelApi 1.9; below it the indent is spaces and the
  // page is left as Excel sets it.
  const api19 = supportsExcelApi(PAGE_LAYOUT_API);
  sheets.forEach((sheet, i) => {
    const target = plan.targets[i];
    if (!target) return;
    let ws: Excel.Worksheet | null = null;
    const get = (): Excel.Worksheet => {
      if (!ws) throw new Error(`Internal: sheet ${target.name} used before it was added`);
      return ws;
    };
    const before = target.existing;
    ops.push({
      bytes: ACTION_BYTES * (4 + (before ? before.tables.items.length : 0)),
      queue: () => {
        if (before) {
          ws = before.worksheet;
          // Excel keeps a VeryHidden sheet out of the user's reach; Hidden they can unhide.
          if (before.visibility === 'VeryHidden') ws.visibility = 'Hidden';
          for (const table of before.tables.items) table.convertToRange();
          // The used range as it is when these run: the old report, formats included.
          const old = ws.getUsedRange();
          old.conditionalFormats.clearAll();
          old.clear('All');
          return;
        }
        ws = worksheets.add(target.name);
        // The marker goes on first, so even a half-written sheet is ours to rewrite next time.
        const marker = ws.names.add(REPORT_MARKER, '="namndplan:1"', 'Skrivet av Nämndplan');
        marker.visible = false; // Excel may ignore this (the in-memory Excel does): cosmetic only
      },
    });
    const layout =
      sheet.layout === 'document'
        ? layoutDocumentSheet(sheet, { indentLevels: api19 })
        : layoutReportSheet(sheet);
    pushSheetOps(ops, get, layout, api19);
  });
  // Bring the first report sheet the user can see to the front (Excel refuses a hidden one).
  const shown = plan.targets.find((t) => !t.existing || t.existing.visibility === 'Visible');
  if (shown) {
    ops.push({ bytes: ACTION_BYTES, queue: () => worksheets.getItem(shown.name).activate() });
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
  return {
    written: plan.targets.map((t) => t.name),
    replaced: plan.replaced,
    cancelled: false,
  };
}

/**
 * Plans, asks and writes in ONE run: for callers whose answer is immediate (the bench, tests).
 * The task pane asks a person, so `createExcelHost` runs the plan and the write in two runs and
 * asks in between. Returns `cancelled: true` (nothing written) when replacing was declined.
 * @example await Excel.run((ctx) => writeReportSheets(ctx, sheets, () => Promise.resolve(true)))
 */
export async function writeReportSheets(
  context: Excel.RequestContext,
  sheets: readonly ReportSheet[],
  confirmReplace: (sheetNames: string[]) => Promise<boolean>,
  onProgress?: (p: Progress) => void,
): Promise<WriteOutcome> {
  const plan = await planReportSheets(context, sheets);
  if (plan.replaced.length > 0 && !(await confirmReplace(plan.replaced))) {
    return { written: [], replaced: [], cancelled: true };
  }
  return writePlannedReportSheets(context, sheets, plan, onProgress);
}

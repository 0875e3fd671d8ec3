/**
 * Adds the product's templates to the OPEN workbook through Office.js: the four sheets of
 * `templateSheets` (the same model the .xlsx writer renders) and the very hidden marker sheet
 * `NP Mall`. Never touches a user's sheet, by the report sheets' rules: each sheet we write
 * carries a sheet-scoped name (TEMPLATE_MARKER); a name held by a sheet without it is skipped for
 * `Uppföljning drift (2)`; our own earlier template sheets are rewritten only after the user
 * agreed (cleared in place, so formulas pointing at them keep their references).
 *
 * API sets (docs/manifest.md): values, formulas, number formats, fills, widths, `locked` and sheet
 * protection 1.1–1.2; sheet-scoped names and null objects 1.4; the comment-required rule (a
 * conditional format of type Custom) and suspended calculation 1.6; data validation lists 1.8,
 * above the manifest's 1.7, so asked first (`supportsExcelApi`): below 1.8 the allowed words are
 * written as a plain visible list beside the table instead, and the instruction line says so.
 * Cell notes need 1.18: the comment rule is said in each sheet's instruction line (row 2).
 *
 * Syncs, fixed: `planTemplateSheets` 1 (the sheets' names) + 1 only when one of our names is
 * taken (markers and protection of those sheets); `writePlannedTemplateSheets` 1 (every write,
 * calculation suspended). So a workbook without earlier templates gets them in 2 syncs in one
 * run (`writeTemplateSheets`), or 1 + 2 in the pane's two runs (plan, ask, plan again and write).
 * The write is small: 20–31 KB for the seed documents' templates, 1.3 MB for one of 5 000 lines,
 * a quarter of Excel's 5 MB request limit (measured over the in-memory Excel).
 */
import { address } from '../../domain/grid';
import type { TemplateKind } from '../../domain/report';
import {
  FIRST_ROW,
  HEADER_ROW,
  MARKER_SHEET,
  NOTE_ROW,
  TITLE_ROW,
  markerLines,
  type TemplateContent,
} from '../../domain/templates/templateModel';
import {
  TEMPLATE_COLOURS,
  templateSheets,
  type TemplateCell,
  type TemplateSheetSpec,
} from '../../domain/templates/templateSheets';
import type { WriteOutcome } from '../../taskpane/host';
import { DATA_VALIDATION_API, supportsExcelApi } from './requirements';
import { isCandidateName, planSheetNames, type ExistingSheet } from './sheetNames';

/** The sheet-scoped name that marks a sheet as one of our templates (or their marker sheet). */
export const TEMPLATE_MARKER = 'NamndplanMall';

/** Excel's column width in points for a width in characters (Calibri 11: 7 px a character). */
const points = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
const hex = (rgb: string): string => `#${rgb}`;

/** Where one sheet goes, as the plan found the workbook. */
export interface TemplateTarget {
  /** The spec's sheet, or null for the marker sheet. */
  kind: TemplateKind | null;
  name: string;
  /** An earlier sheet of ours with this name, cleared and rewritten. */
  existing: { worksheet: Excel.Worksheet; protection: Excel.WorksheetProtection } | null;
}

/** What `planTemplateSheets` found; valid only within the `Excel.run` that made it. */
export interface TemplatePlan {
  specs: TemplateSheetSpec[];
  /** The four template sheets in order, then the marker sheet. */
  targets: TemplateTarget[];
  /** Our earlier template sheets that would be rewritten (ask the user first). */
  replaced: string[];
}

/**
 * Reads the sheet names (1 sync) and, when one of ours is taken, the marker and protection of
 * those sheets (1 more), and chooses each sheet's name. Writes nothing.
 * @example (await planTemplateSheets(ctx, content)).replaced // → ['Uppföljning drift']
 */
export async function planTemplateSheets(
  context: Excel.RequestContext,
  content: TemplateContent,
): Promise<TemplatePlan> {
  const specs = templateSheets(content);
  const wanted = [...specs.map((s) => s.name), MARKER_SHEET];
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const probes = worksheets.items
    .filter((ws) => wanted.some((name) => isCandidateName(ws.name, name)))
    .map((ws) => ({
      ws,
      marker: ws.names.getItemOrNullObject(TEMPLATE_MARKER),
      protection: ws.protection.load('protected'),
    }));
  if (probes.length > 0) await context.sync();
  const ours = new Map(
    probes.filter((p) => !p.marker.isNullObject).map((p) => [p.ws.name.toLowerCase(), p]),
  );
  const existing: ExistingSheet[] = worksheets.items.map((ws) => ({
    name: ws.name,
    ours: ours.has(ws.name.toLowerCase()),
  }));
  const targets = planSheetNames(wanted, existing).map((p, i): TemplateTarget => {
    const probe = p.replaces ? ours.get(p.name.toLowerCase()) : undefined;
    return {
      kind: specs[i]?.kind ?? null,
      name: p.name,
      existing: probe ? { worksheet: probe.ws, protection: probe.protection } : null,
    };
  });
  const replaced = targets.filter((t) => t.existing && t.kind !== null).map((t) => t.name);
  return { specs, targets, replaced };
}

/**
 * Writes the templates where `plan` (made in the same `Excel.run`) puts them, in ONE sync.
 * Run it with `delayForCellEdit`.
 */
export async function writePlannedTemplateSheets(
  context: Excel.RequestContext,
  content: TemplateContent,
  plan: TemplatePlan,
): Promise<WriteOutcome> {
  const validation = supportsExcelApi(DATA_VALIDATION_API);
  context.application.suspendApiCalculationUntilNextSync();
  const names = {} as Record<TemplateKind, string>;
  plan.specs.forEach((spec, i) => {
    const target = plan.targets[i];
    if (!target) return;
    names[spec.kind] = target.name;
    writeSheet(prepare(context, target, validation), spec, validation);
  });
  const markerTarget = plan.targets[plan.specs.length];
  if (markerTarget) {
    const marker = prepare(context, markerTarget, validation);
    const lines = markerLines(content, names);
    const range = marker.getRange(`A1:A${lines.length}`);
    range.numberFormat = lines.map(() => ['@']);
    range.values = lines.map((line) => [line]);
    marker.visibility = 'VeryHidden';
  }
  const first = plan.targets[0];
  if (first) context.workbook.worksheets.getItem(first.name).activate();
  await context.sync();
  return {
    written: plan.targets.filter((t) => t.kind !== null).map((t) => t.name),
    replaced: plan.replaced,
    cancelled: false,
  };
}

/** A new sheet with our marker, or an earlier one of ours unprotected and cleared. */
function prepare(
  context: Excel.RequestContext,
  target: TemplateTarget,
  validation: boolean,
): Excel.Worksheet {
  const before = target.existing;
  if (!before) {
    const ws = context.workbook.worksheets.add(target.name);
    // The marker first, so even a half-written sheet is ours to rewrite next time.
    ws.names.add(TEMPLATE_MARKER, '="namndplan:mall:1"', 'Skrivet av Nämndplan');
    return ws;
  }
  const ws = before.worksheet;
  // Our own protection has no password; a sheet the user protected with one fails here, unchanged.
  if (before.protection.protected) before.protection.unprotect();
  const old = ws.getUsedRange();
  old.conditionalFormats.clearAll();
  if (validation) old.dataValidation.clear();
  old.clear('All');
  return ws;
}

/** The allowed words of each list, beside the table, where the host has no validation lists. */
function fallbackLists(spec: TemplateSheetSpec): { column: number; words: string[] }[] {
  return spec.lists.map((l) => {
    const header = spec.headers[l.column - 1] ?? '';
    return { column: l.fallbackColumn, words: [`Tillåtna värden: ${header}`, ...l.values] };
  });
}

/** Queues every write of one template sheet: cells, formats, lists, rule, protection last. */
function writeSheet(ws: Excel.Worksheet, spec: TemplateSheetSpec, validation: boolean): void {
  const fallback = validation ? [] : fallbackLists(spec);
  let width = spec.headers.length;
  let height = HEADER_ROW + spec.rows.length;
  for (const f of fallback) {
    width = Math.max(width, f.column);
    height = Math.max(height, HEADER_ROW + f.words.length - 1);
  }
  // One grid of the whole sheet: formulas start with `=`; texts are formatted `@` first so
  // Excel keeps a label such as `2024` or `=x` as text.
  const cells: (string | number)[][] = Array.from({ length: height }, () =>
    new Array<string | number>(width).fill(''),
  );
  const formats: string[][] = Array.from({ length: height }, () =>
    new Array<string>(width).fill('General'),
  );
  const put = (row: number, col: number, value: string | number, format?: string): void => {
    const r = cells[row - 1];
    const f = formats[row - 1];
    if (!r || !f) return;
    r[col - 1] = value;
    f[col - 1] = format ?? (typeof value === 'string' && value !== '' ? '@' : 'General');
  };
  put(TITLE_ROW, 1, spec.title);
  put(
    NOTE_ROW,
    1,
    validation ? spec.note : `${spec.note} Välj bland de tillåtna värdena till höger.`,
  );
  spec.headers.forEach((h, i) => put(HEADER_ROW, i + 1, h));
  spec.rows.forEach((row, i) =>
    row.forEach((c, j) => {
      if (c.formula !== undefined)
        put(FIRST_ROW + i, j + 1, `=${c.formula}`, c.format ?? 'General');
      else put(FIRST_ROW + i, j + 1, c.value ?? '', c.format);
    }),
  );
  for (const list of fallback) {
    list.words.forEach((w, i) => put(HEADER_ROW + i, list.column, w));
  }
  const all = ws.getRange(`A1:${address(height, width)}`);
  all.numberFormat = formats;
  all.formulas = cells;
  ws.getRange('A1').format.font.bold = true;
  const header = ws.getRange(`A${HEADER_ROW}:${address(HEADER_ROW, spec.headers.length)}`);
  header.format.font.bold = true;
  header.format.fill.color = hex(TEMPLATE_COLOURS.header);
  for (const list of fallback)
    ws.getRange(address(HEADER_ROW, list.column)).format.font.bold = true;
  spec.widths.forEach((w, i) => {
    const col = address(1, i + 1).replace(/\d+$/, '');
    ws.getRange(`${col}:${col}`).format.columnWidth = points(w);
  });
  for (const f of fallback) {
    const col = address(1, f.column).replace(/\d+$/, '');
    ws.getRange(`${col}:${col}`).format.columnWidth = points(24);
  }
  for (const range of runs(spec, (c) => c.input)) {
    const r = ws.getRange(range);
    r.format.protection.locked = false;
    r.format.fill.color = hex(TEMPLATE_COLOURS.input);
  }
  for (const range of runs(spec, (c) => c.bold === true))
    ws.getRange(range).format.font.bold = true;
  if (validation) {
    for (const list of spec.lists) {
      for (const range of list.ranges) {
        const dv = ws.getRange(range).dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: list.values.join(',') } };
        dv.prompt = { showPrompt: true, title: 'Välj i listan', message: list.prompt };
        dv.errorAlert = {
          showAlert: true,
          style: 'Stop',
          title: 'Ogiltigt värde',
          message: `Välj ett av: ${list.values.join(', ')}`,
        };
      }
    }
  }
  if (spec.commentRule) {
    const cf = ws.getRange(spec.commentRule.range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = `=${spec.commentRule.formula}`;
    cf.custom.format.fill.color = hex(TEMPLATE_COLOURS.required);
  }
  // Without a password, as the .xlsx writer does: a committee may unprotect to fix the layout.
  ws.protection.protect({
    allowFormatColumns: true,
    allowFormatRows: true,
    allowAutoFilter: true,
    selectionMode: 'Normal',
  });
}

/**
 * The cells of `spec` that `test` picks, as few ranges as a column's runs of rows make them:
 * each column's consecutive picked rows are one range (`C5:C19`).
 */
function runs(spec: TemplateSheetSpec, test: (c: TemplateCell) => boolean): string[] {
  const out: string[] = [];
  const last = FIRST_ROW + spec.rows.length - 1;
  for (let col = 1; col <= spec.headers.length; col++) {
    let start: number | null = null;
    for (let r = FIRST_ROW; r <= last + 1; r++) {
      const cell = r <= last ? spec.rows[r - FIRST_ROW]?.[col - 1] : undefined;
      const picked = cell !== undefined && test(cell);
      if (picked && start === null) start = r;
      if (!picked && start !== null) {
        out.push(`${address(start, col)}:${address(r - 1, col)}`);
        start = null;
      }
    }
  }
  return out;
}

/**
 * Plans, asks and writes in ONE run (tests, the bench); the pane asks between two runs
 * (`createExcelHost`). Returns `cancelled: true`, nothing written, when replacing was declined.
 * @example await Excel.run((ctx) => writeTemplateSheets(ctx, content, () => Promise.resolve(true)))
 */
export async function writeTemplateSheets(
  context: Excel.RequestContext,
  content: TemplateContent,
  confirmReplace: (sheetNames: string[]) => Promise<boolean>,
): Promise<WriteOutcome> {
  const plan = await planTemplateSheets(context, content);
  if (plan.replaced.length > 0 && !(await confirmReplace(plan.replaced))) {
    return { written: [], replaced: [], cancelled: true };
  }
  return writePlannedTemplateSheets(context, content, plan);
}

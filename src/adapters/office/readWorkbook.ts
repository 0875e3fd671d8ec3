/**
 * Reads the live workbook into the engine's grid through Office.js, in a number of syncs that
 * does not depend on how many sheets or rows there are, only on how many megabytes:
 *
 * 1. worksheet names;
 * 2. every sheet's used range (address, size) and merged areas, all sheets in one sync;
 * 3. values and number formats in row blocks of ≤ READ_BLOCK_CELLS cells, packed across sheets
 *    into syncs: the first of READ_SYNC_CELLS cells, the next ones sized from the bytes per cell
 *    just seen so each carries ≈ READ_SYNC_BYTES (3 MB).
 *
 * So a workbook under 100 000 used cells takes exactly 3 syncs, whatever its sheets and rows;
 * a larger one ≈ 3 + (MB of values and formats − first sync) / 3 MB: syncs grow with megabytes
 * (Excel on the web cannot move more than 5 MB per sync), never with the number of sheets, and
 * no single response exceeds ~3–4 MB. A sync Excel still refuses is halved and retried.
 */
import {
  address,
  type CellError,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../../domain/grid';
import type { Progress } from '../../taskpane/host';
import { fromOfficeValue, officeError } from './officeValues';
import {
  isPayloadTooLarge,
  jsonSize,
  READ_BLOCK_CELLS,
  READ_MAX_SYNC_CELLS,
  READ_SYNC_BYTES,
  READ_SYNC_CELLS,
} from './payload';

/** Options of a read; the defaults are what Excel needs, tests change them. */
export interface ReadOptions {
  /** File name for the snapshot (Office.js has no cheap way to ask below ExcelApi 1.7). */
  workbookName?: string;
  /** Read merged areas (needs ExcelApi 1.13). Default: true. */
  merges?: boolean;
  /** Cells per block and per sync (see payload.ts). */
  blockCells?: number;
  syncCells?: number;
  /** Bytes (values + formats as JSON) each later sync aims at (see payload.ts). */
  syncBytes?: number;
}

interface SheetMeta {
  name: string;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

interface Block {
  sheet: number;
  /** 0-based sheet row and column of the block's top left, and its size. */
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Pulls the A1 ranges out of a RangeAreas address (`'NP A'!A1:B2, Drift!C3:D3`). */
export function parseAreasAddress(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|,)\s*(?:'(?:[^']|'')*'|[^!,']+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/gi;
  for (const m of text.matchAll(re)) if (m[1]) out.push(m[1].replace(/\$/g, '').toUpperCase());
  return out;
}

/** Where the next block starts: a sheet and a row offset within its used range. */
interface Cursor {
  sheet: number;
  row: number;
}

/**
 * The next sync's blocks from `at` on: row blocks of at most `blockCells` cells, across sheets,
 * until `syncCells` cells are taken. A block is cut short to fill the sync, so the number of
 * syncs follows the number of cells, whatever the number of sheets.
 */
function nextGroup(
  used: readonly (Excel.Range | null)[],
  at: Cursor,
  blockCells: number,
  syncCells: number,
): { group: Block[]; end: Cursor } {
  const group: Block[] = [];
  let cells = 0;
  let { sheet, row } = at;
  while (sheet < used.length) {
    const range = used[sheet];
    if (!range || row >= range.rowCount) {
      sheet += 1;
      row = 0;
      continue;
    }
    const cols = range.columnCount;
    const room = Math.min(blockCells, syncCells - cells);
    if (room < cols && group.length > 0) break;
    const rows = Math.min(range.rowCount - row, Math.max(1, Math.floor(room / cols)));
    group.push({ sheet, top: range.rowIndex + row, left: range.columnIndex, rows, cols });
    cells += rows * cols;
    row += rows;
  }
  return { group, end: { sheet, row } };
}

/**
 * Reads every sheet (hidden ones too) of the workbook behind `context`: used-range values and
 * number formats, merged areas, in sheet order. Office's error values and empty strings become
 * null; numbers with a date format become ISO dates (`2023-08-31`).
 *
 * @example await Excel.run((ctx) => readWorkbookFromExcel(ctx, undefined, { workbookName: 'Plan.xlsx' }))
 */
export async function readWorkbookFromExcel(
  context: Excel.RequestContext,
  onProgress?: (p: Progress) => void,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const blockCells = options.blockCells ?? READ_BLOCK_CELLS;
  const syncCells = Math.max(options.syncCells ?? READ_SYNC_CELLS, blockCells);
  const syncBytes = options.syncBytes ?? READ_SYNC_BYTES;
  const maxCells = READ_MAX_SYNC_CELLS;
  onProgress?.({ phase: 'reading', fraction: 0 });

  // Sync 1: the sheets.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  // Sync 2: every used range's position and size, and merged areas, for all sheets at once.
  const queueMeta = (withMerges: boolean): SheetMeta[] =>
    worksheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
      merged?.load('address');
      return { name: ws.name, used, merged };
    });
  let metas = queueMeta(options.merges ?? true);
  try {
    await context.sync();
  } catch (error) {
    // Merged areas are optional: an old Excel (ApiNotFound) or > 512 areas must not stop a read.
    const code = (error as { code?: unknown }).code;
    if (options.merges === false || code === 'InvalidOperationInCellEditMode') throw error;
    metas = queueMeta(false);
    await context.sync();
  }

  const used = metas.map((m) => (m.used.isNullObject ? null : m.used));
  const totalCells = used.reduce((n, r) => n + (r ? r.rowCount * r.columnCount : 0), 0);

  // Syncs 3…: row blocks. The first sync takes `syncCells` cells; later ones are sized from the
  // bytes per cell actually seen, aiming at `syncBytes`. A sync Excel refuses is halved and
  // retried (reads have no side effects), and never grows past what was refused again.
  const values: CellValue[][][] = metas.map(() => []);
  const formats: (string | null)[][][] = metas.map(() => []);
  const errors: CellError[][] = metas.map(() => []);
  let cursor: Cursor = { sheet: 0, row: 0 };
  let budget = syncCells;
  let ceiling = Number.POSITIVE_INFINITY;
  let done = 0;
  for (;;) {
    const { group, end } = nextGroup(used, cursor, blockCells, budget);
    if (group.length === 0) break;
    const groupCells = group.reduce((n, b) => n + b.rows * b.cols, 0);
    const ranges = group.map((b) => {
      const ws = worksheets.items[b.sheet] as Excel.Worksheet;
      const a1 = `${address(b.top + 1, b.left + 1)}:${address(b.top + b.rows, b.left + b.cols)}`;
      const range = ws.getRange(a1);
      range.load('values,numberFormat');
      return range;
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || groupCells <= (group[0]?.cols ?? 1)) throw error;
      ceiling = Math.max(1, Math.floor(groupCells / 2));
      budget = ceiling;
      continue;
    }
    let bytes = 0;
    group.forEach((b, k) => {
      const range = ranges[k] as Excel.Range;
      const vs = range.values;
      const fs = range.numberFormat;
      bytes += jsonSize(vs) + jsonSize(fs);
      const rowOffset = b.top - (metas[b.sheet]?.used.rowIndex ?? 0);
      for (let r = 0; r < b.rows; r++) {
        const vRow: CellValue[] = [];
        const fRow: (string | null)[] = [];
        for (let c = 0; c < b.cols; c++) {
          const format: unknown = fs[r]?.[c];
          const raw: unknown = vs[r]?.[c];
          const value = fromOfficeValue(raw, format);
          const error = value === null ? officeError(raw) : null;
          if (error)
            errors[b.sheet]?.push({ row: b.top + r + 1, col: b.left + c + 1, text: error });
          vRow.push(value);
          fRow.push(value === null ? null : typeof format === 'string' ? format : 'General');
        }
        (values[b.sheet] as CellValue[][])[rowOffset + r] = vRow;
        (formats[b.sheet] as (string | null)[][])[rowOffset + r] = fRow;
      }
    });
    done += groupCells;
    cursor = end;
    const perCell = Math.max(1, bytes / groupCells);
    budget = Math.max(1, Math.min(ceiling, maxCells, Math.floor(syncBytes / perCell)));
    onProgress?.({ phase: 'reading', fraction: totalCells === 0 ? 1 : done / totalCells });
  }

  const sheets: SheetSnapshot[] = metas.map((m, i) => ({
    name: m.name,
    origin: m.used.isNullObject
      ? { row: 1, col: 1 }
      : { row: m.used.rowIndex + 1, col: m.used.columnIndex + 1 },
    values: values[i] ?? [],
    formats: formats[i] ?? [],
    merges: m.merged && !m.merged.isNullObject ? parseAreasAddress(m.merged.address) : [],
    ...(errors[i]?.length ? { errors: errors[i] } : {}),
  }));
  onProgress?.({ phase: 'reading', fraction: 1 });
  return { name: options.workbookName ?? 'Arbetsbok.xlsx', sheets };
}

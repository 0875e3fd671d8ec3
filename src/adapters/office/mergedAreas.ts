/**
 * Merged areas through Office.js (`Range.getMergedAreasOrNullObject`, ExcelApi 1.13), asked of
 * each sheet's used range. Excel returns only the areas whose top-left cell lies in the range
 * asked (OfficeDev/office-js#3611) and fails a request for more than 512 of them; a merge that
 * matters to the engine has its value, so its top-left cell, inside the values-only used range.
 *
 * The areas of every sheet are queued together with the first data sync (no sync of their own).
 * If that sync fails because of them, each sheet is asked alone, and a sheet that still fails
 * is asked in row bands (halves, quarters, …): with top-left semantics the bands' areas add up
 * to the sheet's without duplicates. One sheet's failure never drops another sheet's merges.
 */
import { address } from '../../domain/grid';

/** A sheet's used range, 0-based, as the read knows it after its second sync. */
export interface UsedRect {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** At most this many syncs are spent on merged areas after the shared attempt failed. */
export const MERGE_RETRY_SYNCS = 32;

/** Pulls the A1 ranges out of a RangeAreas address (`'NP A'!A1:B2, Drift!C3:D3`). */
export function parseAreasAddress(text: string): string[] {
  const out: string[] = [];
  const re =
    /(?:^|,)\s*(?:'(?:[^']|'')*'|[^!,']+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/gi;
  for (const m of text.matchAll(re)) if (m[1]) out.push(m[1].replace(/\$/g, '').toUpperCase());
  return out;
}

function a1(r: UsedRect): string {
  return `${address(r.top + 1, r.left + 1)}:${address(r.top + r.rows, r.left + r.cols)}`;
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** Errors that say nothing about merged areas: the user is editing, or Excel is busy. */
export function isBusyError(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'InvalidOperationInCellEditMode' || code === 'ActivityLimitReached';
}

/**
 * Collects the merged areas of the used ranges `rects`, per sheet index.
 *
 * `queueShared()` queues every sheet's request onto the next sync (the caller's first data
 * sync) and returns false when the host lacks the API (office.js throws at the call, so it is
 * queued inside a `try`). After that sync, `takeShared()` reads the results; if the sync failed
 * and the caller retried without them, `askEachSheet()` asks sheet by sheet.
 */
export class MergedAreasReader {
  private readonly areas = new Map<number, string[]>();
  private shared: { rect: UsedRect; areas: Excel.RangeAreas }[] = [];
  /** False once the host has shown it lacks the API: no more attempts. */
  private available = true;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly sheets: readonly Excel.Worksheet[],
    private readonly rects: readonly UsedRect[],
  ) {}

  /** Merged areas of sheet `i` found so far (A1, no sheet part). */
  of(sheet: number): string[] {
    return this.areas.get(sheet) ?? [];
  }

  /** True while there is something left to ask. */
  get pending(): boolean {
    return this.available && this.rects.some((r) => !this.areas.has(r.sheet));
  }

  /** Queues the request for `rect`; null when the host lacks the API. */
  private queue(rect: UsedRect): Excel.RangeAreas | null {
    const sheet = this.sheets[rect.sheet];
    if (!sheet) return null;
    try {
      const areas = sheet.getRange(a1(rect)).getMergedAreasOrNullObject();
      areas.load('address');
      return areas;
    } catch (error) {
      // office.js's `_throwIfApiNotSupported`: ApiNotFound, thrown before anything is queued.
      if (codeOf(error) !== 'ApiNotFound') throw error;
      this.available = false;
      return null;
    }
  }

  /** Queues every remaining sheet onto the next sync; false when nothing could be queued. */
  queueShared(): boolean {
    this.shared = [];
    for (const rect of this.rects) {
      if (!this.available) break;
      if (this.areas.has(rect.sheet)) continue;
      const areas = this.queue(rect);
      if (areas) this.shared.push({ rect, areas });
    }
    if (!this.available) this.shared = [];
    return this.shared.length > 0;
  }

  /** After the sync that carried `queueShared()` succeeded: keeps what it returned. */
  takeShared(): void {
    for (const { rect, areas } of this.shared) this.keep(rect.sheet, areas);
    this.shared = [];
  }

  /** Forgets the shared attempt (its sync failed). */
  dropShared(): void {
    this.shared = [];
  }

  private keep(sheet: number, areas: Excel.RangeAreas): void {
    const found = areas.isNullObject ? [] : parseAreasAddress(areas.address);
    const list = this.areas.get(sheet) ?? [];
    for (const a of found) list.push(a);
    this.areas.set(sheet, list);
  }

  /**
   * Asks each remaining sheet alone, one sync each; a sheet that fails is asked in row bands
   * (halving), within MERGE_RETRY_SYNCS syncs in all. A band that still fails gives no areas.
   */
  async askEachSheet(): Promise<void> {
    let syncs = 0;
    const todo: UsedRect[] = this.rects.filter((r) => !this.areas.has(r.sheet));
    for (const rect of todo) this.areas.set(rect.sheet, []);
    while (todo.length > 0 && this.available && syncs < MERGE_RETRY_SYNCS) {
      const rect = todo.shift() as UsedRect;
      const areas = this.queue(rect);
      if (!areas) break;
      syncs += 1;
      try {
        await this.context.sync();
        this.keep(rect.sheet, areas);
      } catch (error) {
        if (isBusyError(error)) throw error;
        if (rect.rows < 2) continue;
        const half = Math.floor(rect.rows / 2);
        todo.unshift(
          { ...rect, rows: half },
          { ...rect, top: rect.top + half, rows: rect.rows - half },
        );
      }
    }
  }
}

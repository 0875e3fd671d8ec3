import { parseRange } from './grid';

/** A merged area's corners, 1-based, in sheet coordinates. */
interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Areas larger than this are not indexed: only small areas carry a header's or a goal's text. */
const MAX_AREA_CELLS = 200;

/** Side of the square blocks of cells the index files areas by (rows and columns). */
const BLOCK = 16;
/** Blocks across a sheet row: Excel's 16 384 columns / 16 (a block's key is `row × this + col`). */
const BLOCKS_ACROSS = 16384 / BLOCK;

/**
 * The merged areas of a sheet, found from any of their cells in time independent of how many
 * there are, in memory proportional to the areas, not their cells: each area is filed under the
 * 16 × 16 blocks of cells it touches (at most 28, as an area indexed holds at most 200 cells), so
 * a hundred thousand areas are a few hundred thousand entries, never a key per cell.
 *
 * @example new MergedAreas(['B3:C3']).owner(3, 3) // → { row: 3, col: 2 }
 */
export class MergedAreas {
  private readonly blocks = new Map<number, Area[]>();

  constructor(ranges: readonly string[]) {
    for (const range of ranges) {
      const area = parseRange(range);
      const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
      // Only small areas matter for headers; a huge one (a merged page) would make it slow.
      if (!(cells > 1 && cells <= MAX_AREA_CELLS)) continue;
      for (let br = block(area.top); br <= block(area.bottom); br++) {
        for (let bc = block(area.left); bc <= block(area.right); bc++) {
          const key = br * BLOCKS_ACROSS + bc;
          const filed = this.blocks.get(key);
          if (filed) filed.push(area);
          else this.blocks.set(key, [area]);
        }
      }
    }
  }

  /**
   * The top-left cell of the merged area `(row, col)` lies in when it is not that cell itself;
   * null for a cell outside every area and for an area's own top-left cell. Where areas overlap
   * (no Excel file has them), the last listed wins.
   */
  owner(row: number, col: number): { row: number; col: number } | null {
    const filed = this.blocks.get(block(row) * BLOCKS_ACROSS + block(col));
    if (!filed) return null;
    for (let i = filed.length - 1; i >= 0; i--) {
      const a = filed[i];
      if (!a || row < a.top || row > a.bottom || col < a.left || col > a.right) continue;
      if (row !== a.top || col !== a.left) return { row: a.top, col: a.left };
    }
    return null;
  }
}

function block(n: number): number {
  return Math.floor((n - 1) / BLOCK);
}

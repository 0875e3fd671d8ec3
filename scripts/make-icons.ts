/**
 * Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png) with pngjs: a green rounded
 * square with three white bars rising, like a plan's figures. Each size is
 * rendered at 8× and averaged down, so small icons stay crisp without a font or a vector library.
 *
 * Run: `npx tsx scripts/make-icons.ts` (writes into assets/).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';

/** The sizes the manifest and the ribbon use. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = [number, number, number, number];
const BACKGROUND: Rgba = [15, 108, 90, 255]; // #0F6C5A
const MARK: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Colour of a point in the unit square (0-1 both ways, y downwards). */
function shade(x: number, y: number): Rgba {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  // Three bars standing on a base line, rising left to right.
  const bars: [number, number, number][] = [
    [0.2, 0.34, 0.56],
    [0.42, 0.56, 0.42],
    [0.64, 0.78, 0.26],
  ];
  const base = 0.8;
  for (const [left, right, top] of bars) {
    if (x >= left && x <= right && y >= top && y <= base) return MARK;
  }
  return BACKGROUND;
}

/** Renders one icon of `size` pixels as PNG bytes. */
export function drawIcon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const ss = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          // Premultiply so edges blend towards transparent, not black.
          sum[0]! += c[0] * c[3];
          sum[1]! += c[1] * c[3];
          sum[2]! += c[2] * c[3];
          sum[3]! += c[3];
        }
      }
      const i = (py * size + px) * 4;
      const alpha = sum[3]!;
      png.data[i] = alpha ? Math.round(sum[0]! / alpha) : 0;
      png.data[i + 1] = alpha ? Math.round(sum[1]! / alpha) : 0;
      png.data[i + 2] = alpha ? Math.round(sum[2]! / alpha) : 0;
      png.data[i + 3] = Math.round(alpha / (ss * ss));
    }
  }
  return PNG.sync.write(png);
}

function main(): void {
  const dir = resolve(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`wrote ${file}`);
  }
}

main();

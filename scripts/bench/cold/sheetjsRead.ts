/**
 * A bare read by SheetJS in a process of its own, for the cold comparison (`scripts/bench/cold.ts`):
 * `node sheetjs-read.js FILE [raw]`, `XLSX.read(readFileSync(FILE), { dense: true })` (with `raw`,
 * also `cellText: false`). Prints `{"ms": …}`, the read itself, on one line.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';

const [file = '', raw] = process.argv.slice(2);
const t0 = performance.now();
XLSX.read(readFileSync(file), raw === 'raw' ? { dense: true, cellText: false } : { dense: true });
process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0 })}\n`);

/**
 * The floor of reading a workbook's cells, in a process of its own (`scripts/bench/cold.ts`):
 * `node floor-scan.js FILE` inflates every worksheet and the shared string table with native zlib
 * and passes over each once, finding every `<` with `indexOf`. No reader can do less and still
 * look at each tag. Prints `{"ms": …, "bytes": …, "tags": …}` on one line.
 */
import { readFileSync } from 'node:fs';
import { entryData, readZipEntries } from '../../../src/adapters/xlsx/zipArchive';

const PARTS = /^xl\/(?:worksheets\/[^/]+|sharedStrings)\.xml$/i;

const [file = ''] = process.argv.slice(2);
const t0 = performance.now();
const bytes = readFileSync(file);
let inflated = 0;
let tags = 0;
for (const entry of readZipEntries(bytes)) {
  if (!PARTS.test(entry.name)) continue;
  const data = entryData(bytes, entry);
  inflated += data.length;
  for (let i = data.indexOf(60); i >= 0; i = data.indexOf(60, i + 1)) tags++;
}
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, bytes: inflated, tags })}\n`);

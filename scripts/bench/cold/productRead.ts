/**
 * The product's read alone, in a process of its own (`scripts/bench/cold.ts`):
 * `node product-read.js FILE` is `readWorkbookFile(FILE)` as the CLI calls it, and prints
 * `{"ms": …, "slow": [...]}`: the read's time, and any part the byte scanner left to the slower
 * general way.
 */
import { readWorkbookFile } from '../../../src/adapters/xlsx/readWorkbookFile';
import { readWorkbookStream } from '../../../src/adapters/xlsx/readWorkbookStream';

async function main(): Promise<void> {
  const [file = '', check] = process.argv.slice(2);
  const t0 = performance.now();
  await readWorkbookFile(file);
  const ms = performance.now() - t0;
  const slow: string[] = [];
  if (check === 'check') {
    // Once more, told which parts went the slow way (outside the timing).
    const { readFileSync } = await import('node:fs');
    await readWorkbookStream(readFileSync(file), file, {
      onSlowPath: (part, reason) => slow.push(`${part}: ${reason}`),
      onFallback: (reason) => slow.push(`SheetJS: ${reason}`),
    });
  }
  process.stdout.write(`${JSON.stringify({ ms, slow })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});

/**
 * The browser door reads with the CLI's reader and budgets: `readPickedFile` over a picked Blob
 * gives the snapshot `readWorkbookFile` gives, also when the reader runs on the worker's stand-ins
 * for `node:zlib` and `node:string_decoder` (browserNode/); a file that is no workbook, or too
 * large, is refused after its first bytes; a bomb is too-large with the reader's own words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookFile } from '../../adapters/xlsx/readWorkbookFile';
import { MAX_FILE_BYTES } from '../../adapters/xlsx/readBudget';
import { sheetBomb, sharedStringsBomb } from '../../../tests/hostile/helpers/hostileWorkbooks';
import type { Progress } from '../host';
import { readPickedFile } from './readPickedFile';

const FIXTURES = join(__dirname, '../../../tests/fixtures');
const WORKBOOKS = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, f)),
  ...readdirSync(join(FIXTURES, 'wild'))
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, 'wild', f)),
];

/** readPickedFile as the worker runs it: zlib and the string decoder are the browser stand-ins. */
function browserReadPickedFile(): typeof readPickedFile {
  let read: typeof readPickedFile | undefined;
  jest.isolateModules(() => {
    jest.doMock('node:zlib', () => jest.requireActual<object>('./browserNode/zlib'));
    jest.doMock('node:string_decoder', () =>
      jest.requireActual<object>('./browserNode/stringDecoder'),
    );
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded inside the mocks */
    expect(require('node:zlib')).toHaveProperty('InflateRawStream');
    read = (require('./readPickedFile') as { readPickedFile: typeof readPickedFile })
      .readPickedFile;
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  if (!read) throw new Error('not loaded');
  return read;
}

const blob = (bytes: Uint8Array): Blob => new Blob([new Uint8Array(bytes)]);
const quiet = (): void => undefined;

test.each(WORKBOOKS.map((w) => [w.slice(FIXTURES.length + 1), w]))(
  '%s: the same snapshot as the CLI, natively and on the browser stand-ins',
  async (_name, path) => {
    const expected = await readWorkbookFile(path);
    const bytes = new Uint8Array(readFileSync(path));
    const name = expected.name;
    const native = await readPickedFile(blob(bytes), name, quiet);
    expect(native).toEqual({ snapshot: expected, unreadable: [] });
    const browser = await browserReadPickedFile()(blob(bytes), name, quiet);
    expect(browser).toEqual({ snapshot: expected, unreadable: [] });
  },
);

test('progress names each sheet as it is read, with its place among the sheets', async () => {
  const progress: Progress[] = [];
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'mark-2024.xlsx')));
  const { snapshot } = await readPickedFile(blob(bytes), 'mark-2024.xlsx', (p) => progress.push(p));
  const sheets = progress.flatMap((p) => (p.sheet ? [p.sheet] : []));
  const names = [...new Set(sheets.map((s) => s.name))];
  expect(names).toEqual(snapshot.sheets.filter((s) => s.values.length > 0).map((s) => s.name));
  expect(sheets[0]).toMatchObject({ index: 1, count: snapshot.sheets.length });
  expect(progress.every((p) => p.phase === 'reading')).toBe(true);
});

/** A Blob whose whole contents must never be read: only its first bytes. */
function untouchable(head: Uint8Array<ArrayBuffer>, size: number): Blob {
  return {
    size,
    type: '',
    slice: (start = 0, end = size) => new Blob([head.slice(start, Math.min(end, head.length))]),
    arrayBuffer: () => Promise.reject(new Error('read whole')),
  } as unknown as Blob;
}

test('a file that is no workbook is refused after its first bytes, whatever its size', async () => {
  await expect(
    readPickedFile(untouchable(new Uint8Array(8), 1_600_000_000), 'nollor.xlsx', quiet),
  ).rejects.toMatchObject({
    name: 'UnreadableWorkbookError',
    message: 'nollor.xlsx: är inte en Excel-arbetsbok (.xlsx)',
  });
  await expect(readPickedFile(blob(new Uint8Array(0)), 'tom.xlsx', quiet)).rejects.toMatchObject({
    message: 'tom.xlsx: är tom (0 byte)',
  });
});

test('a zip past the file limit is too large before it is read', async () => {
  const zip = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]);
  await expect(
    readPickedFile(untouchable(zip, 3 * 2 ** 30), 'tre-gib.xlsx', quiet),
  ).rejects.toMatchObject({
    name: 'UnreadableWorkbookError',
    message: 'tre-gib.xlsx: är för stor för att läsas (filen är 3 GiB; gränsen är 512 MiB)',
  });
  expect(MAX_FILE_BYTES).toBe(512 * 2 ** 20);
});

test.each([
  ['a sheet inflating to 3,4 GiB', () => sheetBomb(3.4), /packas upp till 3,4 GiB/],
  [
    'a sheet whose header lies about its size',
    () => sheetBomb(3.4, 5000),
    /packas upp till mer än de 4,9 kB den anger/,
  ],
  ['a bloated shared-strings part', () => sharedStringsBomb(2), /är för stor för att läsas/],
])('%s is too large on the browser stand-ins, in bounded time', async (_name, make, says) => {
  const started = Date.now();
  await expect(
    browserReadPickedFile()(blob(new Uint8Array(make())), 'bomb.xlsx', quiet),
  ).rejects.toMatchObject({
    name: 'UnreadableWorkbookError',
    message: expect.stringMatching(says),
  });
  expect(Date.now() - started).toBeLessThan(10_000);
});

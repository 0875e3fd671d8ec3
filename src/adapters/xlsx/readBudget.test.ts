/**
 * Regression tests for issue 12 item 4, zip bombs: a sheet inflating to 3,4 GiB ran past a minute
 * and out of memory, a header lying about its size was inflated into one buffer until 7 GB, a
 * bloated shared-strings part took 8 GB, a 1,6 GB file of zeros was read whole before its first
 * bytes were looked at. Each is now `too-large` (or `not-a-workbook`) at once, in bounded memory.
 */
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnreadableWorkbookError } from '../../errors';
import {
  overlappingEntries,
  sharedStringsBomb,
  sheetBomb,
} from '../../../tests/hostile/helpers/hostileWorkbooks';
import { formatBytes, inflateLimit, INFLATE_FLOOR, MAX_INFLATED_BYTES } from './readBudget';
import { readWorkbookFile } from './readWorkbookFile';
import { readWorkbookStream } from './readWorkbookStream';

async function refusal(read: () => Promise<unknown>): Promise<UnreadableWorkbookError> {
  const started = Date.now();
  const error: unknown = await read().then(
    () => null,
    (e: unknown) => e,
  );
  expect(Date.now() - started).toBeLessThan(5000);
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  return error as UnreadableWorkbookError;
}

describe('the read budget', () => {
  it('is 100 × the file size, at least 16 MiB, at most 1 GiB', () => {
    expect(inflateLimit(1000)).toBe(INFLATE_FLOOR);
    expect(inflateLimit(2 ** 20)).toBe(100 * 2 ** 20);
    expect(inflateLimit(2 ** 30)).toBe(MAX_INFLATED_BYTES);
    expect(formatBytes(3.4 * 2 ** 30)).toBe('3,4 GiB');
    expect(formatBytes(13 * 2 ** 20)).toBe('13 MiB');
  });
});

describe('zip bombs are too large, answered before they are inflated', () => {
  it('a sheet whose header honestly says 3,4 GiB', async () => {
    const e = await refusal(() => readWorkbookStream(sheetBomb(3.4), 'bomb.xlsx'));
    expect(e.reason).toBe('too-large');
    expect(e.message).toMatch(/^bomb\.xlsx: är för stor för att läsas \(.*3,4 GiB/);
  });

  it('a sheet whose header lies (5 000 bytes, inflating to 3,4 GiB) stops at 5 000 bytes', async () => {
    const e = await refusal(() => readWorkbookStream(sheetBomb(3.4, 5000), 'bomb.xlsx'));
    expect([e.reason, e.message]).toEqual([
      'too-large',
      'bomb.xlsx: är för stor för att läsas (xl/worksheets/sheet2.xml packas upp till mer än de 4,9 kB den anger)',
    ]);
  });

  it('a bloated shared-strings part, honest or lying', async () => {
    expect((await refusal(() => readWorkbookStream(sharedStringsBomb(2), 'sst.xlsx'))).reason).toBe(
      'too-large',
    );
    // Claiming 1 MiB, it stops there.
    const lying = await refusal(() =>
      readWorkbookStream(sharedStringsBomb(2, 2 ** 20), 'sst.xlsx'),
    );
    expect([lying.reason, lying.message]).toEqual([
      'too-large',
      expect.stringMatching(/sharedStrings\.xml packas upp till mer än de 1 MiB den anger/),
    ]);
  });

  it('directory entries that all point at one local entry are each charged', async () => {
    const e = await refusal(() => readWorkbookStream(overlappingEntries(2000, 4), 'zbsm.xlsx'));
    expect(e.reason).toBe('too-large');
  });
});

describe('the file is looked at before it is read', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'np-budget-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('1,6 GB of zeros is no workbook, after its first 8 bytes', async () => {
    const path = join(dir, 'nollor.xlsx');
    closeSync(openSync(path, 'w'));
    truncateSync(path, 1_600_000_000); // sparse: costs no disk
    expect((await refusal(() => readWorkbookFile(path))).reason).toBe('not-a-workbook');
  });

  it('/dev/zero is no workbook either, however long it goes on', async () => {
    expect((await refusal(() => readWorkbookFile('/dev/zero'))).reason).toBe('not-a-workbook');
  });

  it('a 3 GiB file that starts like a zip is too large, not an unexpected error', async () => {
    const path = join(dir, 'stor.xlsx');
    const fd = openSync(path, 'w');
    writeSync(fd, Buffer.from([0x50, 0x4b, 3, 4]));
    closeSync(fd);
    truncateSync(path, 3 * 2 ** 30);
    const e = await refusal(() => readWorkbookFile(path));
    expect([e.reason, e.message]).toEqual(['too-large', expect.stringMatching(/filen är 3 GiB/)]);
  });
});

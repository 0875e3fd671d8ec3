import { constants, deflateRawSync, inflateRawSync as nodeInflateRawSync } from 'node:zlib';
import { createInflateRaw, inflateRawSync } from './zlib';

/** Text that deflates well but not trivially: rows of a sheet with varying numbers. */
function sheetText(rows: number): Buffer {
  let xml = '<sheetData>';
  for (let r = 1; r <= rows; r++)
    xml += `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 10007}</v></c></row>`;
  return Buffer.from(`${xml}</sheetData>`, 'utf8');
}

async function collect(iterable: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of iterable) out.push(chunk);
  return out;
}

test('inflateRawSync gives what Node gives, for empty, small and many-slice data', () => {
  for (const data of [Buffer.alloc(0), Buffer.from('hej'), sheetText(20_000)]) {
    const raw = deflateRawSync(data);
    const ours = inflateRawSync(raw, { maxOutputLength: Math.max(1, data.length) });
    expect(Buffer.compare(ours, nodeInflateRawSync(raw))).toBe(0);
    expect(ours.length).toBe(data.length);
  }
});

test('a part that inflates past the size its header declares stops there, with Node’s code', () => {
  const data = sheetText(20_000);
  const raw = deflateRawSync(data);
  const declared = 5000;
  let node: unknown;
  try {
    nodeInflateRawSync(raw, { maxOutputLength: declared });
  } catch (error) {
    node = error;
  }
  expect(node).toMatchObject({ code: 'ERR_BUFFER_TOO_LARGE' });
  expect(() => inflateRawSync(raw, { maxOutputLength: declared })).toThrow(
    expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }) as Error,
  );
});

test('a bomb is stopped within a slice of its limit, not inflated whole', () => {
  // 64 KiB of zeros flushed and repeated 16 000 times: about 1 GiB if inflated.
  const piece = deflateRawSync(Buffer.alloc(65_536), { finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  for (let i = 0; i < 16_000; i++) parts.push(piece);
  parts.push(Buffer.from([0x03, 0x00]));
  const bomb = Buffer.concat(parts);
  const started = Date.now();
  expect(() => inflateRawSync(bomb, { maxOutputLength: 2 ** 20 })).toThrow(
    expect.objectContaining({ code: 'ERR_BUFFER_TOO_LARGE' }) as Error,
  );
  expect(Date.now() - started).toBeLessThan(2000);
});

test('a damaged or cut-off stream throws, as Node’s does', () => {
  const raw = deflateRawSync(sheetText(2000));
  const damaged = Buffer.from(raw);
  damaged.fill(0xff, 2, 10);
  expect(() => nodeInflateRawSync(damaged)).toThrow();
  expect(() => inflateRawSync(damaged, { maxOutputLength: 10 ** 7 })).toThrow();
  const cut = raw.subarray(0, raw.length >> 1);
  expect(() => nodeInflateRawSync(cut)).toThrow();
  expect(() => inflateRawSync(cut, { maxOutputLength: 10 ** 7 })).toThrow();
});

test('createInflateRaw yields the part in chunks of at most chunkSize, and stops on destroy', async () => {
  const data = sheetText(30_000);
  const stream = createInflateRaw({ chunkSize: 4096 });
  stream.end(deflateRawSync(data));
  const chunks = await collect(stream);
  expect(chunks.every((c) => c.length <= 4096 && Buffer.isBuffer(c))).toBe(true);
  expect(Buffer.compare(Buffer.concat(chunks), data)).toBe(0);

  const stopped = createInflateRaw({ chunkSize: 4096 });
  stopped.end(deflateRawSync(data));
  let seen = 0;
  for await (const chunk of stopped) {
    expect(chunk.length).toBeGreaterThan(0);
    if (++seen === 3) stopped.destroy();
  }
  expect(seen).toBe(3);
});

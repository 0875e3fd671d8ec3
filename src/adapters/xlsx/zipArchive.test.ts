/** The streaming reader's zip: whole entries and streamed ones give the same bytes. */
import { deflateRawSync } from 'node:zlib';
import { zip } from '../../../tests/cli/helpers/rawXlsx';
import { crc32, entryChunks, entryData, overran, readZipEntries } from './zipArchive';

function catching(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
}

/** One deflated entry in a zip64 archive: sizes and offsets in zip64 extra fields and records. */
function zip64(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const packed = deflateRawSync(data);
  const nameBytes = Buffer.from(name);
  const u64 = (n: number): Buffer => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    return b;
  };
  const extra = (...values: number[]): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(1, 0);
    head.writeUInt16LE(values.length * 8, 2);
    return Buffer.concat([head, ...values.map(u64)]);
  };
  const localExtra = extra(data.length, packed.length);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(localExtra.length, 28);
  const body = Buffer.concat([local, nameBytes, localExtra, packed]);
  const centralExtra = extra(data.length, packed.length, 0);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(centralExtra.length, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const directory = Buffer.concat([central, nameBytes, centralExtra]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(1n, 24);
  record.writeBigUInt64LE(1n, 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(body.length), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(body.length + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([body, directory, record, locator, end]);
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

describe('zipArchive', () => {
  // A sheet part of 300 000 bytes: several 64 KiB chunks either way.
  const xml = `<sheetData>${'<row r="1"><c r="A1"><v>−10 882</v></c></row>'.repeat(6000)}</sheetData>`;
  const archive = zip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/worksheets/sheet1.xml', data: xml },
  ]);
  const sheet = readZipEntries(archive).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;

  it('lists the entries and inflates one whole', () => {
    expect(readZipEntries(archive).map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(sheet.method).toBe(8);
    expect(entryData(archive, sheet).toString('utf8')).toBe(xml);
  });

  it.each([
    ['inflated whole', undefined],
    ['inflated as a stream', 0],
  ])('gives the entry in chunks of at most 64 KiB, %s', async (_how, inflateWhole) => {
    const chunks = await collect(entryChunks(archive, sheet, inflateWhole));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(65536);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(xml);
  });

  it('reads a zip64 archive (sizes and offsets in its extra fields), no longer left to SheetJS', () => {
    const archive64 = zip64('xl/worksheets/sheet1.xml', xml);
    const [entry] = readZipEntries(archive64);
    expect(entry).toMatchObject({ name: 'xl/worksheets/sheet1.xml', size: Buffer.byteLength(xml) });
    expect(entryData(archive64, entry!).toString('utf8')).toBe(xml);
  });

  it('stops inflating at the size an entry declares: a header that lies is found out', async () => {
    const lying = Buffer.from(archive);
    // The sheet claims 1 000 bytes in both headers (its data inflates to 300 000).
    lying.writeUInt32LE(1000, lying.indexOf('xl/worksheets/sheet1.xml') - 30 + 22);
    lying.writeUInt32LE(1000, lying.lastIndexOf('xl/worksheets/sheet1.xml') - 46 + 24);
    const entry = readZipEntries(lying).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(() => entryData(lying, entry)).toThrow(/inflates past its declared size/);
    expect(overran(catching(() => entryData(lying, entry)))).toBe(true);
    await expect(collect(entryChunks(lying, entry, 0))).rejects.toThrow(/past its declared size/);
  });

  it('rejects a damaged deflate stream when streaming', async () => {
    const damaged = Buffer.from(archive);
    damaged.fill(0xff, sheet.dataStart + 10, sheet.dataStart + 40);
    await expect(collect(entryChunks(damaged, sheet, 0))).rejects.toThrow();
  });
});

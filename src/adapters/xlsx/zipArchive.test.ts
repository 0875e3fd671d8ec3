/** The streaming reader's zip: whole entries and streamed ones give the same bytes. */
import { zip } from '../../../tests/cli/helpers/rawXlsx';
import { entryChunks, entryData, readZipEntries } from './zipArchive';

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
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(65536);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(xml);
  });

  it('rejects a damaged deflate stream when streaming', async () => {
    const damaged = Buffer.from(archive);
    damaged.fill(0xff, sheet.dataStart + 10, sheet.dataStart + 40);
    await expect(collect(entryChunks(damaged, sheet, 0))).rejects.toThrow();
  });
});

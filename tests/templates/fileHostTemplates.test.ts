/**
 * Standalone mode's Mallar: the file host downloads `Nämndplan mallar.xlsx`, made by the same
 * writer as `namndplan template`, pre-filled from the picked file's analysis (Ale 2024's five
 * verksamheter and budgets), without a file picked too (an empty template).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWorkbookStream } from '../../src/adapters/xlsx/readWorkbookStream';
import { writeTemplate } from '../../src/adapters/xlsx/writeTemplate';
import { prefillTemplate, readTemplate } from '../../src/domain/templates';
import { createInProcessAnalyzer } from '../../src/taskpane/analysis/inProcessAnalyzer';
import { createFileHost } from '../../src/taskpane/fileHost';

const ALE = join(resolve(__dirname, '..', '..'), 'tests', 'fixtures', 'ale-2024.xlsx');

it('downloads Nämndplan mallar.xlsx holding exactly the pre-filled content', async () => {
  const downloads: { name: string; bytes: Uint8Array }[] = [];
  const host = createFileHost({
    analyzer: createInProcessAnalyzer({ writeWorkbook: () => Promise.resolve(new Uint8Array()) }),
    download: (bytes, name) => downloads.push({ name, bytes }),
    // The chunk webpack loads in the browser, statically here (jest runs no dynamic import).
    templateWriter: () => Promise.resolve(writeTemplate),
  });
  const empty = prefillTemplate(null, { period: 'T1 2025' });
  expect(await host.writeTemplates(empty, () => Promise.resolve(true))).toEqual({
    written: ['Nämndplan mallar.xlsx'],
    replaced: [],
    cancelled: false,
  });

  host.setFile('ale-2024.xlsx', new Blob([readFileSync(ALE)]));
  const report = await host.analyseWorkbook({});
  const content = prefillTemplate(report, { period: 'delår 2025' });
  expect(content.drift.map((l) => [l.label, l.budget])).toEqual([
    ['Centralt socialtjänstförvaltningen', -11507],
    ['Individ- och familjeomsorg', -148510],
    ['Funktionsstöd', -209491],
    ['Myndighet och specialiststöd', -79957],
    ['Äldreomsorg', -233969],
  ]);
  await host.writeTemplates(content, () => Promise.resolve(true));
  expect(downloads.map((d) => d.name)).toEqual(['Nämndplan mallar.xlsx', 'Nämndplan mallar.xlsx']);
  const [first, second] = downloads;
  expect(readTemplate(await readWorkbookStream(first!.bytes, 'mall.xlsx'))).toEqual(empty);
  expect(readTemplate(await readWorkbookStream(second!.bytes, 'mall.xlsx'))).toEqual(content);
});

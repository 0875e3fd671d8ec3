/**
 * The page's side of the worker, against a stand-in Worker that runs the worker's own handler on a
 * real session (messages structured-cloned both ways, as a browser does). The real worker runs in
 * the Chromium e2e suite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookFile } from '../../adapters/xlsx/readWorkbookFile';
import { analyzeWorkbook } from '../../domain/analyze';
import { MESSAGES } from '../messages';
import { describeError } from '../describeError';
import type { Progress } from '../host';
import type { AnalysisRequest } from './analyzer';
import { createAnalysisSession, type SessionDeps } from './analysisSession';
import type { WorkerReply, WorkerRequest } from './protocol';
import { readPickedFile } from './readPickedFile';
import { createWorkerAnalyzer } from './workerAnalyzer';
import { handleRequest } from './workerHandler';

const ALE = join(__dirname, '../../../tests/fixtures/ale-2024.xlsx');

class StandInWorker {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  received: WorkerRequest[] = [];
  private readonly session;

  constructor(deps: Partial<SessionDeps> = {}) {
    this.session = createAnalysisSession(deps);
  }

  postMessage(message: WorkerRequest): void {
    const request = structuredClone(message);
    this.received.push(request);
    void handleRequest(this.session, request, (reply) => {
      const data = structuredClone(reply);
      if (!this.terminated) this.onmessage?.({ data } as MessageEvent<WorkerReply>);
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** What a browser does when the worker's script cannot be loaded. */
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function spawner(deps: Partial<SessionDeps> = {}): { spawn: () => Worker; made: StandInWorker[] } {
  const made: StandInWorker[] = [];
  return {
    made,
    spawn: () => {
      const w = new StandInWorker(deps);
      made.push(w);
      return w as unknown as Worker;
    },
  };
}

const request = (file: Blob, name = 'ale-2024.xlsx', fileId = 1): AnalysisRequest => ({
  file,
  name,
  fileId,
  riskThreshold: 12,
});

test('a worker is started at once; the report and the progress come back by request', async () => {
  const { spawn, made } = spawner();
  const analyzer = createWorkerAnalyzer(spawn);
  expect(made).toHaveLength(1);
  const progress: Progress[] = [];
  const report = await analyzer.analyse(request(new Blob([readFileSync(ALE)])), (p) =>
    progress.push(p),
  );
  expect(report).toEqual(analyzeWorkbook(await readWorkbookFile(ALE), { riskThreshold: 12 }));
  expect(progress.map((p) => p.phase)).toContain('analysing');
  expect(progress.some((p) => p.sheet?.name === 'Ekonomi')).toBe(true);
  expect(made).toHaveLength(1);
});

test('an unreadable file comes back as the same Swedish message and its reason code, not a crash', async () => {
  const { spawn } = spawner();
  const analyzer = createWorkerAnalyzer(spawn);
  const text = new Blob([Buffer.from('this is plain text, not a zip')]);
  const error: unknown = await analyzer
    .analyse(request(text, 'not-a-workbook.xlsx'), () => undefined)
    .catch((e: unknown) => e);
  expect(error).toMatchObject({
    name: 'UnreadableWorkbookError',
    message: 'not-a-workbook.xlsx: är inte en Excel-arbetsbok (.xlsx)',
  });
  // The English pane says it again from the reason code that crossed with it.
  expect(describeError(error, MESSAGES.en)).toBe(
    'not-a-workbook.xlsx: is not an Excel workbook (.xlsx).',
  );
  expect(describeError(error, MESSAGES.sv)).toBe(
    'not-a-workbook.xlsx: är inte en Excel-arbetsbok (.xlsx)',
  );
});

test('cancel terminates the worker, rejects the run, and the next run gets a new worker', async () => {
  let release: () => void = () => undefined;
  const never = new Promise<never>(
    (_resolve, reject) => (release = () => reject(new Error('late'))),
  );
  const read = jest.fn<ReturnType<SessionDeps['read']>, Parameters<SessionDeps['read']>>();
  read.mockReturnValueOnce(never);
  const { spawn, made } = spawner({ read });
  const analyzer = createWorkerAnalyzer(spawn);
  const run = analyzer.analyse(request(new Blob([readFileSync(ALE)])), () => undefined);
  await new Promise((r) => setTimeout(r, 0));
  analyzer.cancel();
  await expect(run).rejects.toMatchObject({ name: 'AnalysisCancelledError' });
  expect(made[0]!.terminated).toBe(true);
  expect(made).toHaveLength(2); // warm again for the next file
  release(); // the old worker's late answer goes nowhere

  read.mockImplementation(readPickedFile);
  const report = await analyzer.analyse(
    request(new Blob([readFileSync(ALE)]), 'ale-2024.xlsx', 2),
    () => undefined,
  );
  expect(report.workbook).toBe('ale-2024.xlsx');
  expect(made[1]!.received).toHaveLength(1);
  analyzer.cancel(); // nothing under way: nothing happens
  expect(made[1]!.terminated).toBe(false);
});

test('a worker whose script fails answers every pending run with an error, then starts afresh', async () => {
  const read = jest.fn(() => new Promise<never>(() => undefined));
  const { spawn, made } = spawner({ read });
  const analyzer = createWorkerAnalyzer(spawn);
  const run = analyzer.analyse(request(new Blob(['x'])), () => undefined);
  made[0]!.fail('Failed to load worker script');
  await expect(run).rejects.toThrow('Failed to load worker script');
  expect(made[0]!.terminated).toBe(true);
  void analyzer.analyse(request(new Blob(['x'])), () => undefined);
  expect(made).toHaveLength(2);
});

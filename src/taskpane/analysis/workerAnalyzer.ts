/**
 * The page's side of the analysis worker: one request at a time travels to the worker with an id,
 * its progress and its answer come back by that id. `cancel()` terminates the worker, which
 * stops the work at once wherever it is (a read, the engine, ExcelJS), rejects what was pending
 * with AnalysisCancelledError and leaves the pane usable: the next request starts a new worker.
 */
import type { WorkbookSnapshot } from '../../domain/grid';
import type { Report } from '../../domain/report';
import type { Progress } from '../host';
import { AnalysisCancelledError, type WorkbookAnalyzer } from './analyzer';
import { WorkerError, type WorkerReply, type WorkerRequest } from './protocol';

interface Pending {
  resolve(value: Report | WorkbookSnapshot | Uint8Array): void;
  reject(error: unknown): void;
  onProgress(p: Progress): void;
}

/** A request without its id: the analyzer numbers them. */
type Outgoing = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

/**
 * An analyzer over workers made by `spawn` (in the browser,
 * `new Worker(new URL('./analysis.worker.ts', import.meta.url))`). One worker is started at once,
 * so its script has loaded by the time a file is picked.
 *
 * @example const analyzer = createWorkerAnalyzer(createAnalysisWorker);
 *   await analyzer.analyse({ file, name: file.name, fileId: 1, riskThreshold: 12 }, setProgress)
 */
export function createWorkerAnalyzer(spawn: () => Worker): WorkbookAnalyzer {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: unknown): void => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(error);
  };

  const stop = (): void => {
    worker?.terminate();
    worker = null;
  };

  const onReply = (reply: WorkerReply): void => {
    const p = pending.get(reply.id);
    if (!p) return; // an answer to a request given up on
    if (reply.kind === 'progress') {
      p.onProgress(reply.progress);
      return;
    }
    pending.delete(reply.id);
    if (reply.kind === 'error') p.reject(new WorkerError(reply.error));
    else if (reply.kind === 'report') p.resolve(reply.report);
    else if (reply.kind === 'snapshot') p.resolve(reply.snapshot);
    else p.resolve(reply.bytes);
  };

  const ensure = (): Worker => {
    if (worker !== null) return worker;
    const w = spawn();
    w.onmessage = (event: MessageEvent<WorkerReply>) => onReply(event.data);
    // The worker's script failed to load or threw outside a request: nothing it was asked will
    // be answered, so say so now, and start afresh next time.
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      stop();
      failAll(new Error(event.message || 'analysis worker failed'));
    };
    w.onmessageerror = () => failAll(new Error('analysis worker: unreadable answer'));
    worker = w;
    return w;
  };

  const call = (request: Outgoing, onProgress: (p: Progress) => void): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress });
      const message: WorkerRequest = { ...request, id };
      ensure().postMessage(message);
    });

  ensure();
  return {
    async analyse(request, onProgress) {
      return (await call({ kind: 'analyse', request }, onProgress)) as Report;
    },
    async read(request, onProgress) {
      return (await call({ kind: 'read', request }, onProgress)) as WorkbookSnapshot;
    },
    async reportWorkbook(report, options, sourceFile, onProgress) {
      const request = { kind: 'report-workbook', report, options, sourceFile } as const;
      return (await call(request, onProgress)) as Uint8Array;
    },
    cancel() {
      if (pending.size === 0) return;
      stop();
      failAll(new AnalysisCancelledError());
      ensure(); // warm again, for the next file
    },
  };
}

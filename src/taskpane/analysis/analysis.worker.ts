/**
 * The analysis worker: reads a picked workbook within the reader's budgets, runs the engine and
 * writes the report workbook, off the page's thread (`analysisSession.ts`, `workerHandler.ts`; the
 * page's side is `workerAnalyzer.ts`). Progress is posted as it comes; a failure is posted as its
 * name and message, never left to crash anything. The page stops a run by terminating this worker.
 */
import './browserNode/installBuffer'; // first: the reader's modules make Buffers as they load
import { createAnalysisSession } from './analysisSession';
import type { WorkerReply, WorkerRequest } from './protocol';
import { handleRequest } from './workerHandler';

/** The slice of a dedicated worker's global scope used here (tsconfig has no WebWorker lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const session = createAnalysisSession();

scope.onmessage = (event) =>
  void handleRequest(session, event.data, (reply, transfer) =>
    scope.postMessage(reply, transfer ?? []),
  );

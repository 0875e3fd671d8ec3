/**
 * What the analysis worker does with one request: run it on the session, post its progress as it
 * comes and then its answer, or the error it ended in as its name and message. Never throws, so
 * nothing reaches the worker's global error handler. Apart from the worker's entry so that tests
 * can drive it without a Worker.
 */
import type { Progress } from '../host';
import type { AnalysisSession } from './analysisSession';
import { toWire, type WorkerReply, type WorkerRequest } from './protocol';

/** Posts a reply to the page; `transfer` lists buffers moved rather than copied. */
export type PostReply = (reply: WorkerReply, transfer?: Transferable[]) => void;

/**
 * Handles `message` on `session`, answering through `post`.
 *
 * @example self.onmessage = (e) => void handleRequest(session, e.data, (r, t) => self.postMessage(r, t))
 */
export async function handleRequest(
  session: AnalysisSession,
  message: WorkerRequest,
  post: PostReply,
): Promise<void> {
  const { id } = message;
  const onProgress = (progress: Progress): void => post({ id, kind: 'progress', progress });
  try {
    switch (message.kind) {
      case 'analyse': {
        const report = await session.analyse(message.request, onProgress);
        post({ id, kind: 'report', report });
        return;
      }
      case 'read': {
        const snapshot = await session.read(message.request, onProgress);
        post({ id, kind: 'snapshot', snapshot });
        return;
      }
      case 'report-workbook': {
        const bytes = await session.reportWorkbook(
          message.report,
          message.options,
          message.sourceFile,
          onProgress,
        );
        // Transferred, not copied; a view into a larger buffer is copied out first.
        const own =
          bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
            ? bytes
            : bytes.slice();
        post({ id, kind: 'workbook', bytes: own }, [own.buffer]);
        return;
      }
    }
  } catch (error) {
    post({ id, kind: 'error', error: toWire(error) });
  }
}

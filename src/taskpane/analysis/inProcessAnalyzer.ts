/**
 * The analyzer without a worker: the same session, run on the calling thread. For jest (jsdom has
 * no Worker) and any host without workers. `cancel()` cannot stop work in progress here; it
 * rejects the pending call at once and drops its result when it comes.
 */
import type { Progress } from '../host';
import { AnalysisCancelledError, type WorkbookAnalyzer } from './analyzer';
import { createAnalysisSession, type SessionDeps } from './analysisSession';

/**
 * @example createFileHost({ analyzer: createInProcessAnalyzer({ read: async () => picked }) })
 */
export function createInProcessAnalyzer(deps: Partial<SessionDeps> = {}): WorkbookAnalyzer {
  const session = createAnalysisSession(deps);
  const cancels = new Set<() => void>();

  function cancellable<T>(
    work: (onProgress: (p: Progress) => void) => Promise<T>,
    onProgress: (p: Progress) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let live = true;
      const cancel = (): void => {
        live = false;
        reject(new AnalysisCancelledError());
      };
      cancels.add(cancel);
      work((p) => {
        if (live) onProgress(p);
      })
        .then(
          (value) => live && resolve(value),
          (error: unknown) =>
            live && reject(error instanceof Error ? error : new Error(String(error))),
        )
        .finally(() => cancels.delete(cancel));
    });
  }

  return {
    analyse: (request, onProgress) =>
      cancellable((progress) => session.analyse(request, progress), onProgress),
    read: (request, onProgress) =>
      cancellable((progress) => session.read(request, progress), onProgress),
    reportWorkbook: (report, options, sourceFile, onProgress) =>
      cancellable(
        (progress) => session.reportWorkbook(report, options, sourceFile, progress),
        onProgress,
      ),
    cancel() {
      const all = [...cancels];
      cancels.clear();
      for (const cancel of all) cancel();
    },
  };
}

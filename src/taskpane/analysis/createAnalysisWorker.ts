/**
 * Starts the analysis worker. webpack 5 sees `new Worker(new URL(…, import.meta.url))` and builds
 * `analysis.worker.ts` as a worker chunk of its own. Only the browser's entry imports this file
 * (jest has no Worker and no import.meta: it uses `inProcessAnalyzer.ts`).
 */
export function createAnalysisWorker(): Worker {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), {
    name: 'namndplan-analysis',
  });
}

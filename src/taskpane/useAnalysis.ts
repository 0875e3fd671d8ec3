/**
 * The pane's work, as a hook: read the workbook through the host and run the engine (or have the
 * host do both off the page's thread, the file host's worker), write the report, select a
 * finding's cell, cancel. Holds the progress, the report, one notice and one error (with the
 * action to retry), so the pane is never blank whatever Excel or a file throws.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { analyzeWorkbook } from '../domain/analyze';
import type { WorkbookSnapshot } from '../domain/grid';
import type { AnalyzeOptions, Report } from '../domain/report';
import { isCancelled } from './analysis/analyzer';
import { describeError } from './describeError';
import { downloadFile, JSON_MIME, reportFileName } from './download';
import { cellRef } from './findings';
import type { Progress, WorkbookHost } from './host';
import type { Messages } from './messages';

export interface PaneError {
  text: string;
  retry: () => void;
}

export interface AnalysisState {
  report: Report | null;
  progress: Progress | null;
  error: PaneError | null;
  /** A short, polite status line (written sheets, selected cell). */
  notice: string | null;
  analyze: () => Promise<void>;
  writeReport: (confirmReplace: (names: string[]) => Promise<boolean>) => Promise<void>;
  downloadJson: () => void;
  selectCell: (sheet: string | null, cell: string | null) => Promise<void>;
  dismissError: () => void;
  /** Stops the work under way, where the host can (the file host's worker); otherwise null. */
  cancel: (() => void) | null;
  /** Forgets the report shown (a new file was picked). */
  reset: () => void;
  /**
   * The snapshot the report was made from: Excel's as read, a picked file's asked again of the
   * host (its worker keeps what it read, so the file is not read twice).
   */
  readSnapshot: () => Promise<WorkbookSnapshot>;
}

/** Lets React paint the progress before a long synchronous step (the engine). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * State and actions of one pane over `host`; re-analyses when `options` change (the risk
 * threshold, the goal rule: keep the object the same while they stay the same, `useMemo`).
 */
export function useAnalysis(
  host: WorkbookHost,
  options: AnalyzeOptions,
  m: Messages,
): AnalysisState {
  const [report, setReport] = useState<Report | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<PaneError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const snapshot = useRef<WorkbookSnapshot | null>(null);
  const hasReport = useRef(false);
  const busy = useRef(false);

  const analyze = useCallback(async (): Promise<void> => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    setNotice(null);
    try {
      setProgress({ phase: 'reading' });
      let next: Report;
      if (host.analyseWorkbook) {
        next = await host.analyseWorkbook(options, (p) => setProgress(p));
      } else {
        // Excel: Office.js answers only on the page's thread, and so the engine runs here too.
        const book = await host.readWorkbook((p) => setProgress(p));
        snapshot.current = book;
        setProgress({ phase: 'analysing' });
        await nextFrame();
        next = analyzeWorkbook(book, options);
      }
      hasReport.current = true;
      setReport(next);
    } catch (e) {
      if (isCancelled(e)) setNotice(m.cancelled);
      else setError({ text: describeError(e, m), retry: () => void analyze() });
    } finally {
      busy.current = false;
      setProgress(null);
    }
  }, [host, options, m]);

  // A new threshold changes which risks are in the plan, a new goal rule the goals' verdicts:
  // re-run the engine on what was read (the file host's worker keeps what it read, so it too only
  // re-runs the engine).
  const latestAnalyze = useRef(analyze);
  latestAnalyze.current = analyze;
  useEffect(() => {
    if (busy.current) return;
    if (host.analyseWorkbook) {
      if (hasReport.current) void latestAnalyze.current();
      return;
    }
    if (snapshot.current === null) return;
    setReport(analyzeWorkbook(snapshot.current, options));
  }, [host, options]);

  const writeReport = useCallback(
    async (confirmReplace: (names: string[]) => Promise<boolean>): Promise<void> => {
      if (report === null || busy.current) return;
      busy.current = true;
      setError(null);
      setNotice(null);
      try {
        setProgress({ phase: 'writing' });
        const outcome = await host.writeReport(report, confirmReplace, (p) => setProgress(p));
        if (outcome.cancelled) setNotice(m.writeCancelled);
        else {
          const replaced = outcome.replaced.length ? ` ${m.writeReplaced(outcome.replaced)}` : '';
          setNotice(m.writeDone(outcome.written) + replaced);
        }
      } catch (e) {
        if (isCancelled(e)) setNotice(m.writeStopped);
        else setError({ text: describeError(e, m), retry: () => void writeReport(confirmReplace) });
      } finally {
        busy.current = false;
        setProgress(null);
      }
    },
    [host, report, m],
  );

  const downloadJson = useCallback((): void => {
    if (report === null) return;
    downloadFile(
      JSON.stringify(report, null, 2) + '\n',
      reportFileName(report.workbook, 'json'),
      JSON_MIME,
    );
  }, [report]);

  const selectCell = useCallback(
    async (sheet: string | null, cell: string | null): Promise<void> => {
      const ref = cellRef(sheet, cell);
      if (sheet === null || cell === null || ref === null) {
        if (ref !== null) setNotice(m.cellNotSelectable(ref));
        return;
      }
      try {
        const selected = await host.selectCell(sheet, cell);
        setNotice(selected ? m.selectedCell(ref) : m.cellNotSelectable(ref));
      } catch (e) {
        setError({ text: describeError(e, m), retry: () => void selectCell(sheet, cell) });
      }
    },
    [host, m],
  );

  const readSnapshot = useCallback(async (): Promise<WorkbookSnapshot> => {
    if (snapshot.current !== null) return snapshot.current;
    const book = await host.readWorkbook();
    snapshot.current = book;
    return book;
  }, [host]);

  const dismissError = useCallback(() => setError(null), []);
  const cancelWork = useCallback(() => host.cancel?.(), [host]);
  const reset = useCallback(() => {
    snapshot.current = null;
    hasReport.current = false;
    setReport(null);
  }, []);

  return {
    report,
    progress,
    error,
    notice,
    analyze,
    writeReport,
    downloadJson,
    selectCell,
    dismissError,
    cancel: host.cancel ? cancelWork : null,
    reset,
    readSnapshot,
  };
}

/**
 * The messages between the page and the analysis worker. Everything in them survives structured
 * cloning: the picked File, the Report (plain data), bytes (transferred, not copied), and errors
 * as their name and message, so an UnreadableWorkbookError reaches the pane with its words.
 */
import type { WorkbookSnapshot } from '../../domain/grid';
import { UnreadableWorkbookError } from '../../errors';
import type { Report } from '../../domain/report';
import type { ReportSheetOptions } from '../../domain/standardTables';
import type { Progress } from '../host';
import type { AnalysisRequest } from './analyzer';

export type WorkerRequest =
  | { id: number; kind: 'analyse'; request: AnalysisRequest }
  | { id: number; kind: 'read'; request: AnalysisRequest }
  | {
      id: number;
      kind: 'report-workbook';
      report: Report;
      options: ReportSheetOptions;
      sourceFile: string;
    };

export type WorkerReply =
  | { id: number; kind: 'progress'; progress: Progress }
  | { id: number; kind: 'report'; report: Report }
  | { id: number; kind: 'snapshot'; snapshot: WorkbookSnapshot }
  | { id: number; kind: 'workbook'; bytes: Uint8Array }
  | { id: number; kind: 'error'; error: WireError };

/** An error as it crosses to the page. */
export interface WireError {
  name: string;
  message: string;
  /** An unreadable workbook's file and reason (its code), so the pane can say it in English. */
  fileName?: string;
  reason?: string;
}

/** `error` as its name and message (anything thrown, not only Errors). */
export function toWire(error: unknown): WireError {
  if (error instanceof UnreadableWorkbookError) {
    return {
      name: error.name,
      message: error.message,
      fileName: error.fileName,
      reason: error.reason,
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** An error thrown in the worker, as the page sees it: the same name, message and codes. */
export class WorkerError extends Error {
  readonly fileName: string | undefined;
  readonly reason: string | undefined;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    this.fileName = wire.fileName;
    this.reason = wire.reason;
  }
}

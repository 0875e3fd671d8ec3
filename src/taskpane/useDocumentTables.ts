/**
 * The document tables of the report shown (`buildDocumentTables`, the same tables the CLI writes),
 * made on the page from the workbook's snapshot and the report, and their Word file, made with the
 * CLI's own writer, loaded only when asked (its own chunk: the `docx` package is large).
 */
import { useCallback, useEffect, useState } from 'react';
import type { WorkbookSnapshot } from '../domain/grid';
import { buildDocumentTables, type DocumentTable } from '../domain/output';
import type { Report } from '../domain/report';
import { DOCX_MIME, downloadFile, reportFileName } from './download';
import { loadDocxWriter } from './loadDocxWriter';

export interface DocumentTablesState {
  /** Null while they are being made, or when they could not be (`error`). */
  tables: DocumentTable[] | null;
  error: unknown;
  /** Writes the tables as a .docx and downloads it; resolves to the file's name. */
  downloadDocx: () => Promise<string | null>;
}

/** What the hook needs besides the report; tests replace the download. */
export interface DocumentTablesDeps {
  /** The snapshot the report was made from (Excel: the one read; a file: the worker's, again). */
  readSnapshot: () => Promise<WorkbookSnapshot>;
  download?: (bytes: Uint8Array, fileName: string) => void;
}

const browserDownload = (bytes: Uint8Array, fileName: string): void =>
  downloadFile(new Uint8Array(bytes), fileName, DOCX_MIME);

export function useDocumentTables(
  report: Report | null,
  riskThreshold: number,
  deps: DocumentTablesDeps,
): DocumentTablesState {
  const [tables, setTables] = useState<DocumentTable[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { readSnapshot } = deps;
  const download = deps.download ?? browserDownload;

  useEffect(() => {
    setTables(null);
    setError(null);
    if (report === null) return;
    let live = true;
    readSnapshot().then(
      (snapshot) => {
        if (live) setTables(buildDocumentTables(snapshot, report, { riskThreshold }));
      },
      (e: unknown) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [report, riskThreshold, readSnapshot]);

  const downloadDocx = useCallback(async (): Promise<string | null> => {
    if (report === null || tables === null) return null;
    const writeDocumentTables = await loadDocxWriter();
    const bytes = await writeDocumentTables(tables, { title: report.workbook });
    const name = reportFileName(report.workbook, 'docx');
    download(bytes, name);
    return name;
  }, [report, tables, download]);

  return { tables, error, downloadDocx };
}

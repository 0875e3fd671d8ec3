/**
 * Saves bytes as a file through the browser's download (an object URL on a temporary link).
 * Works in Office's webviews on the web; desktop Excel may block downloads, so the Excel host
 * writes sheets instead.
 */

/** Starts a download of `data` named `fileName`. */
export function downloadFile(data: BlobPart, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const JSON_MIME = 'application/json';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** `plan.xlsx` → `plan-rapport.xlsx` (or `.json`, `.docx`). */
export function reportFileName(workbookName: string, extension: 'xlsx' | 'json' | 'docx'): string {
  const base = workbookName.replace(/\.(xlsx|xlsm|xls)$/i, '') || 'arbetsbok';
  return `${base}-rapport.${extension}`;
}

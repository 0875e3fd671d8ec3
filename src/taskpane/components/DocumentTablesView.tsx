/**
 * The document tables, each with a button that copies it (HTML and tab-separated text, so it
 * pastes into Word or Excel as a table), and one that downloads them all as a Word file. Says so
 * when the clipboard is not allowed here, rather than failing silently.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CopyRegular, DocumentRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { DocumentTable } from '../../domain/output';
import { describeError } from '../describeError';
import { useMessages } from '../LocaleContext';
import { browserClipboard, copyTable, type ClipboardDeps } from '../tableClipboard';

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalXS} 0` },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  list: { listStyleType: 'none', margin: `${tokens.spacingVerticalS} 0`, padding: 0 },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  // Its words whole beside a long title (a 350 px pane squeezed it to "Kopiera" cut in half).
  copy: { flexShrink: 0, minWidth: 'auto' },
  status: { minHeight: '1.2em', margin: 0, color: tokens.colorNeutralForeground2 },
  alert: { color: tokens.colorPaletteRedForeground1 },
});

export function DocumentTablesView(props: {
  tables: readonly DocumentTable[] | null;
  busy: boolean;
  /** Writes and downloads the Word file; resolves to its name. */
  onDownloadDocx: () => Promise<string | null>;
  /** The clipboard to write to (the browser's unless a test hands in its own). */
  clipboard?: ClipboardDeps;
}): JSX.Element {
  const m = useMessages();
  const s = useStyles();
  const [status, setStatus] = useState<{ text: string; refused: boolean } | null>(null);
  const { tables } = props;

  const copy = async (table: DocumentTable): Promise<void> => {
    const outcome = await copyTable(table, props.clipboard ?? browserClipboard());
    setStatus(
      outcome === 'not-allowed'
        ? { text: m.copyNotAllowed, refused: true }
        : { text: m.copiedTable(table.title), refused: false },
    );
  };

  const [writing, setWriting] = useState(false);
  const downloadDocx = async (): Promise<void> => {
    setWriting(true);
    try {
      const name = await props.onDownloadDocx();
      if (name !== null) setStatus({ text: m.downloadedDocx(name), refused: false });
    } catch (e) {
      setStatus({ text: describeError(e, m), refused: true });
    } finally {
      setWriting(false);
    }
  };

  return (
    <section aria-labelledby="document-tables-heading">
      <h2 id="document-tables-heading" className={s.heading}>
        {m.documentTablesTitle}
      </h2>
      <p className={s.hint}>{m.documentTablesHint}</p>
      {tables !== null && tables.length === 0 && <p className={s.hint}>{m.noDocumentTables}</p>}
      {tables !== null && tables.length > 0 && (
        <>
          <ul className={s.list}>
            {tables.map((t) => (
              <li key={t.id} className={s.item}>
                {/* The document's own words, Swedish in either language of the pane. */}
                <span className={s.title} lang="sv-SE">
                  {t.title}
                </span>
                <Button
                  size="small"
                  className={s.copy}
                  icon={<CopyRegular />}
                  aria-label={m.copyTableLabel(t.title)}
                  onClick={() => void copy(t)}
                >
                  {m.copyTable}
                </Button>
              </li>
            ))}
          </ul>
          <Button
            icon={<DocumentRegular />}
            disabled={props.busy || writing}
            onClick={() => void downloadDocx()}
          >
            {m.downloadDocx}
          </Button>
        </>
      )}
      {/* Polite, but no second role="status": the pane's notice is the status line. */}
      <p
        aria-live="polite"
        className={mergeClasses(s.status, status?.refused === true && s.alert)}
        data-testid="copy-status"
      >
        {status?.text ?? ''}
      </p>
    </section>
  );
}

/**
 * The Mallar action: in Excel it adds the template sheets to the open workbook through the host
 * (asking first before rewriting templates an earlier run wrote), in standalone mode it downloads
 * `Nämndplan mallar.xlsx`; pre-filled from the analysis when there is one. Its state lives in
 * `useTemplatesAction`, its status line and error beside the button.
 */
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import type { Report } from '../../domain/report';
import { prefillTemplate } from '../../domain/templates';
import { describeError } from '../describeError';
import type { WorkbookHost } from '../host';
import { useMessages } from '../LocaleContext';
import { useConfirmReplace } from '../useConfirmReplace';
import { ConfirmReplaceDialog } from './ConfirmReplaceDialog';

const useStyles = makeStyles({
  notice: { color: tokens.colorNeutralForeground2, margin: 0, flexBasis: '100%' },
});

export interface TemplatesAction {
  busy: boolean;
  notice: string | null;
  error: string | null;
  write: () => Promise<void>;
}

/** Writes the templates through `host`, pre-filled from `report` (or empty without one). */
export function useTemplatesAction(
  host: WorkbookHost,
  report: Report | null,
  scale: 3 | 4,
  confirmReplace: (names: string[]) => Promise<boolean>,
): TemplatesAction {
  const m = useMessages();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const write = useCallback(async (): Promise<void> => {
    if (!host.writeTemplates) return;
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      // The pane asks for no period: the budget's year names it (`Utfall 2025`) where known.
      const first = prefillTemplate(report, { scale });
      const content =
        first.budgetYear === null
          ? first
          : prefillTemplate(report, { scale, period: String(first.budgetYear) });
      const outcome = await host.writeTemplates(content, confirmReplace);
      const t = m.templates;
      if (outcome.cancelled) setNotice(t.cancelled);
      else
        setNotice(
          host.kind === 'excel'
            ? t.doneExcel(outcome.written)
            : t.doneFile(outcome.written[0] ?? ''),
        );
    } catch (e) {
      setError(describeError(e, m));
    } finally {
      setBusy(false);
    }
  }, [host, report, scale, confirmReplace, m]);
  return { busy, notice, error, write };
}

/** The Mallar button with its own confirm dialog and status line. */
export function TemplatesButton(props: {
  host: WorkbookHost;
  report: Report | null;
  scale: 3 | 4;
  disabled: boolean;
}): JSX.Element | null {
  const m = useMessages();
  const s = useStyles();
  const confirm = useConfirmReplace();
  const action = useTemplatesAction(props.host, props.report, props.scale, confirm.ask);
  if (!props.host.writeTemplates) return null;
  const t = m.templates;
  return (
    <>
      <Button
        size="small"
        icon={<DocumentTableRegular />}
        disabled={props.disabled || action.busy}
        onClick={() => void action.write()}
        aria-description={props.host.kind === 'excel' ? t.actionHintExcel : t.actionHintFile}
      >
        {t.action}
      </Button>
      {/* A live region of its own, not a second role="status" beside the pane's notice. */}
      <p aria-live="polite" className={s.notice} data-testid="templates-notice">
        {action.notice ?? ''}
      </p>
      {action.error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{action.error}</MessageBarBody>
        </MessageBar>
      )}
      <ConfirmReplaceDialog
        names={confirm.pending}
        onAnswer={confirm.answer}
        title={t.confirmTitle}
        body={t.confirmBody}
      />
    </>
  );
}

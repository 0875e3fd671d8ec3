/**
 * Asks before replacing report sheets an earlier run wrote. A modal dialog: focus is trapped in it
 * and Esc answers no.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useMessages } from '../LocaleContext';

export function ConfirmReplaceDialog(props: {
  names: string[] | null;
  onAnswer(yes: boolean): void;
  /** Other words than the report sheets' (the templates'). */
  title?: string;
  body?: (names: string[]) => string;
}): JSX.Element {
  const m = useMessages();
  return (
    <Dialog
      open={props.names !== null}
      modalType="alert"
      onOpenChange={(_e, data) => {
        if (!data.open) props.onAnswer(false);
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title ?? m.confirmTitle}</DialogTitle>
          <DialogContent>{(props.body ?? m.confirmBody)(props.names ?? [])}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onAnswer(true)}>
              {m.confirmReplace}
            </Button>
            <Button appearance="secondary" onClick={() => props.onAnswer(false)}>
              {m.confirmCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

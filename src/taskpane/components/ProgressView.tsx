/**
 * What the pane is doing, while it is busy: the phase (and, while reading a file, the sheet and
 * its rows as they are read), a bar that fills where the share done is known, and a Cancel button
 * where the host can stop the work. After a cancel, focus goes back to `returnFocus` (the primary
 * button), so a keyboard user is not left on nothing.
 */
import { Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef, type RefObject } from 'react';
import type { Progress } from '../host';
import { useMessages } from '../LocaleContext';
import type { Messages } from '../messages';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

/** The words for `progress`: the phase, or the sheet being read with its rows. */
export function progressText(progress: Progress, m: Messages): string {
  const sheet = progress.sheet;
  if (progress.phase === 'reading' && sheet !== undefined) {
    return m.readingSheet(sheet.name, sheet.index, sheet.count, sheet.rows);
  }
  return m.phase[progress.phase];
}

export function ProgressView(props: {
  progress: Progress | null;
  onCancel: (() => void) | null;
  returnFocus: RefObject<HTMLElement>;
}): JSX.Element | null {
  const m = useMessages();
  const s = useStyles();
  const cancelled = useRef(false);
  const { progress, returnFocus } = props;

  useEffect(() => {
    if (progress === null && cancelled.current) {
      cancelled.current = false;
      returnFocus.current?.focus();
    }
  }, [progress, returnFocus]);

  if (progress === null) return null;
  const text = progressText(progress, m);
  return (
    <div className={s.row}>
      <Field
        className={s.field}
        validationMessage={text}
        validationState="none"
        label={m.progressLabel}
      >
        <ProgressBar
          {...(progress.fraction === undefined ? {} : { value: progress.fraction })}
          aria-label={m.phase[progress.phase]}
          data-testid="progress"
        />
      </Field>
      {props.onCancel !== null && (
        <Button
          icon={<DismissRegular />}
          onClick={() => {
            cancelled.current = true;
            props.onCancel?.();
          }}
        >
          {m.cancel}
        </Button>
      )}
    </div>
  );
}

/**
 * What the pane shows while Office starts: a spinner and "Startar Nämndplan …", at once, so the
 * pane is never blank while `Office.onReady` is awaited (seconds on a slow host).
 */
import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useMessages } from '../LocaleContext';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    justifyContent: 'center',
    padding: tokens.spacingVerticalXXL,
  },
});

export function StartingView(): JSX.Element {
  const m = useMessages();
  const s = useStyles();
  return (
    <main className={s.root} lang={m.locale === 'sv' ? 'sv-SE' : 'en'} data-testid="starting">
      <Spinner label={m.starting} role="status" aria-live="polite" />
    </main>
  );
}

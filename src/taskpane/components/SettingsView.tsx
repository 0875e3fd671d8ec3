/**
 * The two settings: risk threshold (1-25) and variance highlight threshold (%). Changes apply at
 * once and are remembered (in the workbook inside Excel, in the browser otherwise).
 */
import {
  Field,
  makeStyles,
  SpinButton,
  tokens,
  type SpinButtonOnChangeData,
} from '@fluentui/react-components';
import { useMessages } from '../LocaleContext';
import type { Settings } from '../useSettings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase400, margin: 0 },
  where: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** The number the user typed or stepped to, or null when it is not a number. */
function spinValue(data: SpinButtonOnChangeData): number | null {
  if (typeof data.value === 'number') return data.value;
  if (data.displayValue === undefined) return null;
  const n = Number(data.displayValue.replace(',', '.').replace(/\s/g, ''));
  return Number.isFinite(n) ? n : null;
}

export function SettingsView(props: {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
  /** Where the settings are kept, in words. */
  where: string;
}): JSX.Element {
  const m = useMessages();
  const s = useStyles();
  return (
    <section aria-labelledby="settings-heading" className={s.root}>
      <h2 id="settings-heading" className={s.heading}>
        {m.settingsTitle}
      </h2>
      <p className={s.where}>{props.where}</p>
      <Field label={m.riskThreshold} hint={m.riskThresholdHint}>
        <SpinButton
          value={props.settings.riskThreshold}
          min={1}
          max={25}
          onChange={(_e, data) => {
            const v = spinValue(data);
            if (v !== null) props.onChange({ riskThreshold: Math.round(v) });
          }}
        />
      </Field>
      <Field label={m.varianceThreshold} hint={m.varianceThresholdHint}>
        <SpinButton
          value={props.settings.varianceThreshold}
          min={0}
          max={100}
          step={0.5}
          onChange={(_e, data) => {
            const v = spinValue(data);
            if (v !== null) props.onChange({ varianceThreshold: v });
          }}
        />
      </Field>
    </section>
  );
}

/**
 * The settings: risk threshold (1-25), variance highlight threshold (%), and how goals are judged
 * (rule, scale, the share thresholds). Changes apply at once and are remembered (in the workbook
 * inside Excel, in the browser otherwise).
 */
import {
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  SpinButton,
  tokens,
  type SpinButtonOnChangeData,
} from '@fluentui/react-components';
import type { GoalRule } from '../../domain/report';
import { useMessages } from '../LocaleContext';
import type { Settings } from '../useSettings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { fontSize: tokens.fontSizeBase400, margin: 0 },
  where: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const RULES: readonly GoalRule[] = ['share', 'worst', 'bands'];

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
  // The share thresholds say where i hög grad and delvis begin: only `share` on four steps has both.
  const sharesApply = props.settings.goalRule === 'share' && props.settings.goalScale === 4;
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
      <Field label={m.goalRule} hint={m.goalRuleHint}>
        <RadioGroup
          layout="horizontal"
          value={props.settings.goalRule}
          onChange={(_e, data) => {
            const rule = RULES.find((r) => r === data.value);
            if (rule !== undefined) props.onChange({ goalRule: rule });
          }}
        >
          {RULES.map((r) => (
            <Radio key={r} value={r} label={m.goalRules[r]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={m.goalScale}>
        <RadioGroup
          value={String(props.settings.goalScale)}
          onChange={(_e, data) => props.onChange({ goalScale: data.value === '3' ? 3 : 4 })}
        >
          <Radio value="4" label={m.goalScales[4]} />
          <Radio value="3" label={m.goalScales[3]} />
        </RadioGroup>
      </Field>
      <Field label={m.goalUpper} hint={m.goalSharesHint}>
        <SpinButton
          value={props.settings.goalUpper}
          min={0}
          max={100}
          step={5}
          disabled={!sharesApply}
          onChange={(_e, data) => {
            const v = spinValue(data);
            if (v !== null) props.onChange({ goalUpper: v });
          }}
        />
      </Field>
      <Field label={m.goalLower} hint={m.goalSharesHint}>
        <SpinButton
          value={props.settings.goalLower}
          min={0}
          max={100}
          step={5}
          disabled={!sharesApply}
          onChange={(_e, data) => {
            const v = spinValue(data);
            if (v !== null) props.onChange({ goalLower: v });
          }}
        />
      </Field>
    </section>
  );
}

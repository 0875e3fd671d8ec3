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

/** Settings that are numbers: each a field with its own bounds and step. */
type NumberSetting = 'riskThreshold' | 'varianceThreshold' | 'goalUpper' | 'goalLower';

/** One number setting as a labelled spin button that applies what is typed or stepped to. */
function NumberField(props: {
  name: NumberSetting;
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
  label: string;
  hint: string;
  min: number;
  max: number;
  step?: number;
  /** Whole numbers only (the risk threshold). */
  whole?: boolean;
  disabled?: boolean;
}): JSX.Element {
  return (
    <Field label={props.label} hint={props.hint}>
      <SpinButton
        value={props.settings[props.name]}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        disabled={props.disabled === true}
        onChange={(_e, data) => {
          const v = spinValue(data);
          if (v !== null) props.onChange({ [props.name]: props.whole ? Math.round(v) : v });
        }}
      />
    </Field>
  );
}

export function SettingsView(props: {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
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
      <NumberField
        name="riskThreshold"
        settings={props.settings}
        onChange={props.onChange}
        label={m.riskThreshold}
        hint={m.riskThresholdHint}
        min={1}
        max={25}
        whole
      />
      <NumberField
        name="varianceThreshold"
        settings={props.settings}
        onChange={props.onChange}
        label={m.varianceThreshold}
        hint={m.varianceThresholdHint}
        min={0}
        max={100}
        step={0.5}
      />
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
      <NumberField
        name="goalUpper"
        settings={props.settings}
        onChange={props.onChange}
        label={m.goalUpper}
        hint={m.goalSharesHint}
        min={0}
        max={100}
        step={5}
        disabled={!sharesApply}
      />
      <NumberField
        name="goalLower"
        settings={props.settings}
        onChange={props.onChange}
        label={m.goalLower}
        hint={m.goalSharesHint}
        min={0}
        max={100}
        step={5}
        disabled={!sharesApply}
      />
    </section>
  );
}

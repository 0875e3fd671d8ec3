/**
 * The pane's settings: the risk threshold and the goal rule (both passed to the engine) and the
 * variance highlight threshold. In Excel they belong to the workbook and are kept in it (`host.workbookSettings`,
 * Excel's `workbook.settings`), so a shared workbook carries its committee's conventions; in a
 * browser without Excel they are remembered in local storage. A failure to store is said.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { DEFAULT_RISK_THRESHOLD } from '../domain/analyze';
import type { GoalRule, GoalSettings } from '../domain/report';
import type { WorkbookHost } from './host';
import { readStored, writeStored } from './storage';

export interface Settings {
  /** Risks with value at or above this go into the internkontrollplan (1-25). Default 12. */
  riskThreshold: number;
  /** Unfavourable variances beyond this many percent of the baseline are highlighted. Default 1. */
  varianceThreshold: number;
  /** How goals are judged from their indicators: `share` (default), `worst` or `bands`. */
  goalRule: GoalRule;
  /** Four verdict steps (default) or three. */
  goalScale: 3 | 4;
  /** `share`, four steps: at least this percent met is i hög grad uppfyllt. Default 75. */
  goalUpper: number;
  /** `share`, four steps: at least this percent met is delvis uppfyllt. Default 25. */
  goalLower: number;
}

export const DEFAULT_SETTINGS: Settings = {
  riskThreshold: DEFAULT_RISK_THRESHOLD,
  varianceThreshold: 1,
  goalRule: 'share',
  goalScale: 4,
  goalUpper: 75,
  goalLower: 25,
};

const GOAL_RULES: readonly GoalRule[] = ['share', 'worst', 'bands'];

/** The engine's goal settings of the pane's settings. */
export function goalSettings(
  s: Pick<Settings, 'goalRule' | 'goalScale' | 'goalUpper' | 'goalLower'>,
): GoalSettings {
  return { rule: s.goalRule, scale: s.goalScale, upper: s.goalUpper, lower: s.goalLower };
}
const SETTINGS_KEY = 'namndplan.settings';

/** Version of the settings object stored in a workbook. */
export const WORKBOOK_SETTINGS_VERSION = 1;

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/**
 * Settings from a stored object (any shape: an older or newer version, or garbage), field by
 * field, each clamped to its range, `base` where a field is missing.
 * @example parseSettings({ riskThreshold: 40 }).riskThreshold // 25
 */
export function parseSettings(value: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const rule = GOAL_RULES.find((r) => r === o['goalRule']) ?? base.goalRule;
  const scale = o['goalScale'] === 3 || o['goalScale'] === 4 ? o['goalScale'] : base.goalScale;
  const upper = clampNumber(o['goalUpper'], 0, 100, base.goalUpper);
  // The lower threshold is never above the upper one: delvis cannot need more than i hög grad.
  const lower = Math.min(upper, clampNumber(o['goalLower'], 0, 100, base.goalLower));
  return {
    riskThreshold: Math.round(clampNumber(o['riskThreshold'], 1, 25, base.riskThreshold)),
    varianceThreshold: clampNumber(o['varianceThreshold'], 0, 100, base.varianceThreshold),
    goalRule: rule,
    goalScale: scale,
    goalUpper: upper,
    goalLower: lower,
  };
}

/** Reads settings remembered in local storage, falling back to the defaults field by field. */
export function loadSettings(): Settings {
  const raw = readStored(SETTINGS_KEY);
  if (raw === null) return DEFAULT_SETTINGS;
  try {
    return parseSettings(JSON.parse(raw));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

// The settings in force, for code outside React (the report sheets' options at write time).
let current: Settings = DEFAULT_SETTINGS;

/** The settings the pane shows right now. */
export function currentSettings(): Settings {
  return current;
}

/** Why the last change was not stored, or null when it was. */
export type SettingsSaveError =
  | { where: 'workbook'; error: unknown }
  | { where: 'local' }
  | { where: 'workbook-read'; error: unknown };

/**
 * Settings state over `host`: the workbook's own settings where the host has them (read once at
 * start), else local storage. `update` merges, clamps and stores; `saveError` says when storing
 * failed (the change then lasts for this session only).
 */
export function useSettings(host: WorkbookHost): {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
  saveError: SettingsSaveError | null;
} {
  const store = host.workbookSettings;
  const [settings, setSettings] = useState<Settings>(() =>
    store ? DEFAULT_SETTINGS : loadSettings(),
  );
  const [saveError, setSaveError] = useState<SettingsSaveError | null>(null);
  // Whatever else the workbook's object holds (a newer version's fields) is written back as is.
  const stored = useRef<Record<string, unknown>>({});
  const touched = useRef(false);

  current = settings;

  useEffect(() => {
    if (!store) return;
    let live = true;
    store.read().then(
      (value) => {
        if (!live || touched.current || value === null || typeof value !== 'object') return;
        stored.current = value as Record<string, unknown>;
        setSettings(parseSettings(value));
      },
      (error: unknown) => {
        if (live) setSaveError({ where: 'workbook-read', error });
      },
    );
    return () => {
      live = false;
    };
  }, [store]);

  const update = useCallback(
    (patch: Partial<Settings>) => {
      touched.current = true;
      const next = parseSettings({ ...current, ...patch }, current);
      current = next;
      setSettings(next);
      if (store) {
        const value = { ...stored.current, version: WORKBOOK_SETTINGS_VERSION, ...next };
        stored.current = value;
        store.write(value).then(
          () => setSaveError(null),
          (error: unknown) => setSaveError({ where: 'workbook', error }),
        );
      } else {
        setSaveError(writeStored(SETTINGS_KEY, JSON.stringify(next)) ? null : { where: 'local' });
      }
    },
    [store],
  );
  return { settings, update, saveError };
}

/**
 * The user's settings: the risk threshold (passed to the engine) and the variance highlight
 * threshold (used by the pane), remembered between sessions in localStorage.
 */
import { useCallback, useState } from 'react';
import { DEFAULT_RISK_THRESHOLD } from '../domain/analyze';
import { readStored, writeStored } from './storage';

export interface Settings {
  /** Risks with value at or above this go into the internkontrollplan (1-25). Default 12. */
  riskThreshold: number;
  /** Unfavourable variances beyond this many percent of the baseline are highlighted. Default 1. */
  varianceThreshold: number;
}

export const DEFAULT_SETTINGS: Settings = {
  riskThreshold: DEFAULT_RISK_THRESHOLD,
  varianceThreshold: 1,
};
const SETTINGS_KEY = 'namndplan.settings';

/** Reads remembered settings, falling back to the defaults field by field. */
export function loadSettings(): Settings {
  const raw = readStored(SETTINGS_KEY);
  if (raw === null) return DEFAULT_SETTINGS;
  try {
    const parsed = JSON.parse(raw) as Partial<Record<keyof Settings, unknown>>;
    return {
      riskThreshold: clampNumber(parsed.riskThreshold, 1, 25, DEFAULT_SETTINGS.riskThreshold),
      varianceThreshold: clampNumber(
        parsed.varianceThreshold,
        0,
        100,
        DEFAULT_SETTINGS.varianceThreshold,
      ),
    };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** Settings state: `update` merges, clamps and remembers. */
export function useSettings(): {
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
} {
  const [settings, setSettings] = useState<Settings>(loadSettings);
  const update = useCallback((patch: Partial<Settings>) => {
    setSettings((prev) => {
      const next: Settings = {
        riskThreshold: clampNumber(
          patch.riskThreshold ?? prev.riskThreshold,
          1,
          25,
          prev.riskThreshold,
        ),
        varianceThreshold: clampNumber(
          patch.varianceThreshold ?? prev.varianceThreshold,
          0,
          100,
          prev.varianceThreshold,
        ),
      };
      writeStored(SETTINGS_KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return { settings, update };
}

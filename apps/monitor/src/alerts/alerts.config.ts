import { env, type ConfigOf } from '@rtw/platform';

/** Thresholds of the monitor's alerts (the same numbers as deploy/prometheus/rtw-alerts.yml). */
export const ALERTS_CONFIG_SPEC = {
  MONITOR_ALERT_LAG_MAX: env.int({
    default: 1000,
    min: 0,
    max: 100_000_000,
    description: 'Alert when a consumer group lags by more records than this (all its partitions)',
  }),
  MONITOR_ALERT_DEAD_LETTER_WINDOW_MS: env.int({
    default: 15 * 60_000,
    min: 1_000,
    max: 24 * 3_600_000,
    description: 'Alert when a dead-letter topic gained records within this window',
  }),
  MONITOR_ALERT_MISSED_WINDOW_MS: env.int({
    default: 3_600_000,
    min: 1_000,
    max: 24 * 3_600_000,
    description: 'Window over which missed legal deadlines are counted for the rising alert',
  }),
  MONITOR_ALERT_MISSED_RISE: env.int({
    default: 1,
    min: 1,
    max: 100_000,
    description: 'Alert when an insurer has at least this many more missed deadlines in the window',
  }),
  MONITOR_ALERT_NOT_READY_MS: env.int({
    default: 60_000,
    min: 0,
    max: 3_600_000,
    description: 'Alert when a watched app has not been ready for this long',
  }),
};

/** The alert thresholds, typed. */
export type AlertsConfig = ConfigOf<typeof ALERTS_CONFIG_SPEC>;

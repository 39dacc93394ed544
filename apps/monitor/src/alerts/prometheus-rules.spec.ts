import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ALERTS_CONFIG_SPEC } from './alerts.config';
import { ALERT_RULES } from './alert.types';

// deploy/prometheus/rtw-alerts.yml says the same as GET /v1/alerts: same names, same defaults.
// (test/monitor/monitor.e2e-spec.ts checks its metric names against the running apps.)
const RULES_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'deploy',
  'prometheus',
  'rtw-alerts.yml',
);

interface RuleFile {
  groups: Array<{ rules: Array<{ alert: string; expr: string; for?: string }> }>;
}

const rules = (parseYaml(readFileSync(RULES_FILE, 'utf8')) as RuleFile).groups.flatMap(
  (group) => group.rules,
);
const rule = (name: string) => rules.find((r) => r.alert === name);
const minutes = (field: { defaultValue?: number }) => `${(field.defaultValue ?? 0) / 60_000}m`;
const spec = ALERTS_CONFIG_SPEC;

describe('the Prometheus alert rules', () => {
  it("are the monitor's alerts, one rule each", () => {
    expect(rules.map((r) => r.alert).sort()).toEqual([...ALERT_RULES].sort());
  });

  it("use the monitor's default thresholds", () => {
    expect(rule('ConsumerLagHigh')?.expr).toContain(`> ${spec.MONITOR_ALERT_LAG_MAX.defaultValue}`);
    expect(rule('DeadLettersGrowing')?.expr).toContain(
      `[${minutes(spec.MONITOR_ALERT_DEAD_LETTER_WINDOW_MS)}]`,
    );
    expect(rule('MissedDeadlinesRising')?.expr).toContain(
      `[${minutes(spec.MONITOR_ALERT_MISSED_WINDOW_MS)}])) >= ${spec.MONITOR_ALERT_MISSED_RISE.defaultValue}`,
    );
    expect(rule('AppNotReady')?.for).toBe(minutes(spec.MONITOR_ALERT_NOT_READY_MS));
  });
});

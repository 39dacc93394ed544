// The alert rules as pure functions of the samples and the overview built from them: a record
// over the closed list of rules, so a new rule does not compile without its evaluation.
import { deadLetterFigures } from '../overview/figures/kafka.figures';
import { windowStart } from '../overview/figures/sample.window';
import type { Overview } from '../overview/overview.types';
import type { Sample } from '../overview/sampling/sample.types';
import type { AlertsConfig } from './alerts.config';
import type { Alert, AlertRule } from './alert.types';

/** What the rules read. */
export interface AlertInput {
  /** Samples, oldest first. */
  readonly samples: readonly Sample[];
  /** The overview of those samples, in the caller's scope. */
  readonly overview: Overview;
  readonly thresholds: AlertsConfig;
}

const RULES: Record<AlertRule, (input: AlertInput) => Alert[]> = {
  ConsumerLagHigh: ({ overview, thresholds }) =>
    overview.consumerGroups
      .filter((group) => group.totalLag > thresholds.MONITOR_ALERT_LAG_MAX)
      .map((group) => ({
        rule: 'ConsumerLagHigh',
        severity: 'warning',
        subject: group.groupId,
        summary: `Consumer group ${group.groupId} lags by ${group.totalLag} records`,
        value: group.totalLag,
        threshold: thresholds.MONITOR_ALERT_LAG_MAX,
      })),

  DeadLettersGrowing: ({ samples, thresholds }) => {
    const latest = samples.at(-1);
    const start =
      latest &&
      windowStart(
        samples,
        latest,
        thresholds.MONITOR_ALERT_DEAD_LETTER_WINDOW_MS,
        (s) => !!s.kafka,
      );
    if (!latest?.kafka || !start?.kafka) return [];
    const before = new Map(deadLetterFigures(start.kafka).map((dlq) => [dlq.topic, dlq.count]));
    return deadLetterFigures(latest.kafka)
      .map((dlq) => ({ ...dlq, growth: dlq.count - (before.get(dlq.topic) ?? 0) }))
      .filter((dlq) => dlq.growth > 0)
      .map((dlq) => ({
        rule: 'DeadLettersGrowing',
        severity: 'warning',
        subject: dlq.topic,
        summary: `${dlq.growth} new dead letter(s) on ${dlq.topic}`,
        value: dlq.growth,
        threshold: 0,
      }));
  },

  PartnerCircuitOpen: ({ overview }) =>
    overview.partners
      .filter((partner) => partner.circuit === 'open')
      .map((partner) => ({
        rule: 'PartnerCircuitOpen',
        severity: 'critical',
        subject: partner.partner,
        summary: `Deliveries to ${partner.partner} are held: its circuit is open`,
        value: null,
        threshold: null,
      })),

  MissedDeadlinesRising: ({ samples, overview, thresholds }) => {
    const latest = samples.at(-1);
    const start =
      latest &&
      windowStart(samples, latest, thresholds.MONITOR_ALERT_MISSED_WINDOW_MS, (s) => !!s.database);
    if (!latest?.database) return [];
    const before = new Map(
      (start?.database?.deadlines ?? []).map((row) => [row.insurer, row.missedToday]),
    );
    return overview.deadlines
      .map((row) => ({ ...row, rise: row.missedToday - (before.get(row.insurer) ?? 0) }))
      .filter((row) => row.rise >= thresholds.MONITOR_ALERT_MISSED_RISE)
      .map((row) => ({
        rule: 'MissedDeadlinesRising',
        severity: 'critical',
        subject: row.insurer,
        summary: `${row.rise} more legal deadline(s) missed for insurer ${row.insurer}`,
        value: row.rise,
        threshold: thresholds.MONITOR_ALERT_MISSED_RISE,
      }));
  },

  AppNotReady: ({ samples, thresholds }) => {
    const latest = samples.at(-1);
    if (!latest) return [];
    const recent = samples.filter(
      (sample) => sample.at >= latest.at - thresholds.MONITOR_ALERT_NOT_READY_MS,
    );
    return latest.apps
      .filter((app) =>
        recent.every((sample) => sample.apps.find((a) => a.name === app.name)?.ready !== true),
      )
      .map((app) => ({
        rule: 'AppNotReady',
        severity: 'critical',
        subject: app.name,
        summary:
          app.ready === null
            ? `${app.name} does not answer`
            : `${app.name} answers but is not ready`,
        value: null,
        threshold: null,
      }));
  },

  MonitorSourceUnavailable: ({ overview }) =>
    (['kafka', 'database'] as const)
      .filter((source) => overview.sources[source] === 'unavailable')
      .map((source) => ({
        rule: 'MonitorSourceUnavailable',
        severity: 'critical',
        subject: source,
        summary: `The monitor cannot read ${source}: its figures are missing from the overview`,
        value: null,
        threshold: null,
      })),
};

/** Every alert that holds now, critical first. */
export function evaluateAlerts(input: AlertInput): Alert[] {
  if (input.samples.length === 0) return [];
  return Object.values(RULES)
    .flatMap((rule) => rule(input))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
}

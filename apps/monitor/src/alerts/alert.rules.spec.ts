import { buildOverview } from '../overview/figures/overview.builder';
import type { Sample } from '../overview/sampling/sample.types';
import { deliveryMetrics, kafkaSnapshot, sampleAt } from '../overview/testing/sample.factory';
import type { AlertsConfig } from './alerts.config';
import { evaluateAlerts } from './alert.rules';

const thresholds: AlertsConfig = {
  MONITOR_ALERT_LAG_MAX: 100,
  MONITOR_ALERT_DEAD_LETTER_WINDOW_MS: 600_000,
  MONITOR_ALERT_MISSED_WINDOW_MS: 3_600_000,
  MONITOR_ALERT_MISSED_RISE: 2,
  MONITOR_ALERT_NOT_READY_MS: 60_000,
};
const TOPIC = 'rtw.dossier.events.v1';
const DLQ = 'rtw.outbound.vdab.v1.dlq';

function alertsOf(samples: Sample[], insurer: string | null = null) {
  const overview = buildOverview({
    samples,
    now: new Date(samples.at(-1)?.at ?? 0),
    rateWindowMs: 60_000,
    partnerWindowMs: 900_000,
    insurer,
  });
  return evaluateAlerts({ samples, overview, thresholds });
}

const ready = (name: string, isReady: boolean | null = true) => ({
  name,
  metrics: isReady === null ? null : [],
  ready: isReady,
});
const database = (missed: Record<string, number>) => ({
  deadlines: Object.entries(missed).map(([insurer, missedToday]) => ({
    insurer,
    dueSoon: 0,
    missedToday,
  })),
  pausedOrganisations: new Set<string>(),
});
const kafka = (lag: number, deadLetters: number) =>
  kafkaSnapshot({
    topics: { [TOPIC]: [1000], [DLQ]: [deadLetters] },
    groups: { 'rtw-vdab-connector': { [TOPIC]: [1000 - lag] } },
  });

describe('the alert rules', () => {
  it('raise nothing when every figure is within its threshold', () => {
    const samples = [
      sampleAt(0, {
        kafka: kafka(100, 4),
        database: database({ '100': 3 }),
        apps: [ready('tracker')],
      }),
      sampleAt(60, {
        kafka: kafka(100, 4),
        database: database({ '100': 4 }),
        apps: [ready('tracker')],
      }),
    ];
    expect(alertsOf(samples)).toEqual([]);
  });

  it('raise ConsumerLagHigh for a group lagging by more than the maximum', () => {
    const [alert] = alertsOf([sampleAt(0, { kafka: kafka(101, 0), database: database({}) })]);
    expect(alert).toMatchObject({
      rule: 'ConsumerLagHigh',
      subject: 'rtw-vdab-connector',
      value: 101,
      threshold: 100,
    });
  });

  it('raise DeadLettersGrowing when a dead-letter topic gained records in the window', () => {
    const samples = [
      sampleAt(0, { kafka: kafka(0, 5), database: database({}) }),
      sampleAt(700, { kafka: kafka(0, 5), database: database({}) }),
      sampleAt(900, { kafka: kafka(0, 8), database: database({}) }),
    ];
    expect(alertsOf(samples)).toEqual([
      expect.objectContaining({ rule: 'DeadLettersGrowing', subject: DLQ, value: 3 }),
    ]);
    // Twenty minutes later without new dead letters: the growth left the window.
    const later = [...samples, sampleAt(2100, { kafka: kafka(0, 8), database: database({}) })];
    expect(alertsOf(later)).toEqual([]);
  });

  it('raise PartnerCircuitOpen for an organisation whose circuit is open', () => {
    const apps = [
      {
        name: 'delivery',
        ready: true,
        metrics: deliveryMetrics('regional:vdab', { delivered: [1] }, 1),
      },
    ];
    expect(alertsOf([sampleAt(0, { kafka: kafka(0, 0), database: database({}), apps })])).toEqual([
      expect.objectContaining({
        rule: 'PartnerCircuitOpen',
        subject: 'regional:vdab',
        severity: 'critical',
      }),
    ]);
  });

  it('raise MissedDeadlinesRising per insurer, only for the scope insurer', () => {
    const samples = [
      sampleAt(0, { kafka: kafka(0, 0), database: database({ '100': 1, '300': 0 }) }),
      sampleAt(1800, { kafka: kafka(0, 0), database: database({ '100': 3, '300': 2 }) }),
    ];
    expect(alertsOf(samples).map((a) => [a.rule, a.subject, a.value])).toEqual([
      ['MissedDeadlinesRising', '100', 2],
      ['MissedDeadlinesRising', '300', 2],
    ]);
    expect(alertsOf(samples, '300').map((a) => a.subject)).toEqual(['300']);
  });

  it('raise AppNotReady only for an app not ready during the whole not-ready delay', () => {
    const samples = [
      sampleAt(0, {
        kafka: kafka(0, 0),
        database: database({}),
        apps: [ready('gateway'), ready('tracker')],
      }),
      sampleAt(30, {
        kafka: kafka(0, 0),
        database: database({}),
        apps: [ready('gateway', false), ready('tracker', null)],
      }),
      sampleAt(61, {
        kafka: kafka(0, 0),
        database: database({}),
        apps: [ready('gateway'), ready('tracker', null)],
      }),
      sampleAt(95, {
        kafka: kafka(0, 0),
        database: database({}),
        apps: [ready('gateway', false), ready('tracker', null)],
      }),
    ];
    expect(alertsOf(samples)).toEqual([
      expect.objectContaining({
        rule: 'AppNotReady',
        subject: 'tracker',
        summary: 'tracker does not answer',
      }),
    ]);
  });

  it('raise MonitorSourceUnavailable for a source the monitor cannot read', () => {
    expect(alertsOf([sampleAt(0, { kafka: null, database: database({}) })])).toEqual([
      expect.objectContaining({ rule: 'MonitorSourceUnavailable', subject: 'kafka' }),
    ]);
  });
});

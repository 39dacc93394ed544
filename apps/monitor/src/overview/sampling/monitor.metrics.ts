// What the monitor itself exports at /metrics, so that Prometheus alerts on the same figures the
// console shows (deploy/prometheus): consumer lag and dead letters (the apps cannot see their own
// lag), legal deadlines per insurer, and whether each source could be read. Labels are bounded
// sets (group ids, topic names, insurer codes, app names): never a dossier or a person.
import { Gauge, register } from 'prom-client';
import { consumerGroupFigures, deadLetterFigures } from '../figures/kafka.figures';
import type { Sample } from './sample.types';

function gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
  return (
    (register.getSingleMetric(name) as Gauge<L> | undefined) ??
    new Gauge({ name, help, labelNames })
  );
}

/** The monitor's gauges (names used by deploy/prometheus and deploy/grafana). */
export const monitorMetrics = {
  consumerLag: gauge('rtw_monitor_consumer_lag', 'Consumer group lag per topic (records)', [
    'group',
    'topic',
  ]),
  deadLetters: gauge('rtw_monitor_dead_letters', 'Records held by a dead-letter topic', ['topic']),
  deadlinesDueSoon: gauge(
    'rtw_monitor_deadlines_due_soon',
    'Open legal deadlines due within the lead days, per insurer',
    ['insurer'],
  ),
  deadlinesMissedToday: gauge(
    'rtw_monitor_deadlines_missed_today',
    'Legal deadlines marked missed today (Belgian calendar), per insurer',
    ['insurer'],
  ),
  sourceUp: gauge('rtw_monitor_source_up', '1 when the last sample could read the source', [
    'source',
  ]),
  appReady: gauge('rtw_monitor_app_ready', '1 when a watched app answered ready, else 0', [
    'target',
  ]),
};

/** Sets the gauges from a sample; a source that could not be read keeps its last figures. */
export function exportSample(sample: Sample): void {
  monitorMetrics.sourceUp.set({ source: 'kafka' }, sample.kafka ? 1 : 0);
  monitorMetrics.sourceUp.set({ source: 'database' }, sample.database ? 1 : 0);
  monitorMetrics.sourceUp.set(
    { source: 'metrics' },
    sample.apps.every((app) => app.metrics !== null) ? 1 : 0,
  );
  for (const app of sample.apps)
    monitorMetrics.appReady.set({ target: app.name }, app.ready ? 1 : 0);
  if (sample.kafka) {
    monitorMetrics.consumerLag.reset();
    for (const group of consumerGroupFigures(sample.kafka)) {
      const perTopic = new Map<string, number>();
      for (const p of group.partitions) perTopic.set(p.topic, (perTopic.get(p.topic) ?? 0) + p.lag);
      for (const [topic, lag] of perTopic)
        monitorMetrics.consumerLag.set({ group: group.groupId, topic }, lag);
    }
    monitorMetrics.deadLetters.reset();
    for (const { topic, count } of deadLetterFigures(sample.kafka))
      monitorMetrics.deadLetters.set({ topic }, count);
  }
  if (sample.database) {
    monitorMetrics.deadlinesDueSoon.reset();
    monitorMetrics.deadlinesMissedToday.reset();
    for (const row of sample.database.deadlines) {
      monitorMetrics.deadlinesDueSoon.set({ insurer: row.insurer }, row.dueSoon);
      monitorMetrics.deadlinesMissedToday.set({ insurer: row.insurer }, row.missedToday);
    }
  }
}

import { Counter, register } from 'prom-client';

function counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
  return (
    (register.getSingleMetric(name) as Counter<L> | undefined) ??
    new Counter({ name, help, labelNames })
  );
}

/** The tracker's metrics; labels are bounded sets (outcomes, rule codes, rule ids). */
export const trackerMetrics = {
  events: counter('rtw_tracker_events_total', 'Inbound events by outcome', ['outcome']),
  refusals: counter('rtw_tracker_refusals_total', 'Inbound events refused, by rule code', ['code']),
  deadlines: counter(
    'rtw_tracker_deadline_notices_total',
    'Deadline notices sent, by kind and rule',
    ['kind', 'rule'],
  ),
  purged: counter(
    'rtw_tracker_dossiers_purged_total',
    'Dossiers erased at the end of retention',
    [],
  ),
};

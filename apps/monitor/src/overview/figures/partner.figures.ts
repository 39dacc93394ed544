// Per receiving organisation: success rate and p95 latency of delivery attempts over the partner
// window, from delivery's own histogram; circuit from its gauge; pause from PostgreSQL (ADR 0095).
import { ATTEMPT_DURATION, CIRCUIT_STATE } from '../metrics/metric-names';
import type { MetricSample } from '../metrics/prometheus-text.parser';
import type { PartnerFigures } from '../overview.types';
import type { AppSnapshot } from '../sampling/sample.types';
import { histogramQuantile } from './histogram.quantile';
import { counterIncrease } from './sample.window';

/** The metrics of every app at the end and at the start of the window, paired by app name. */
export interface AppWindow {
  readonly now: AppSnapshot;
  /** The same app at the start of the window; undefined when it was never read before. */
  readonly then: AppSnapshot | undefined;
}

const CIRCUIT_NAMES = { 0: 'closed', 1: 'open', 2: 'half-open' } as const;
// With several delivery instances, the worst circuit wins: open, then half-open, then closed.
const SEVERITY = { closed: 0, 'half-open': 1, open: 2 } as const;

/** Figures per organisation seen in any app's delivery metrics or among paused organisations. */
export function partnerFigures(
  apps: readonly AppWindow[],
  paused: ReadonlySet<string> | null,
): PartnerFigures[] {
  const attempts = new Map<
    string,
    { delivered: number; all: number; buckets: Map<number, number> }
  >();
  const circuits = new Map<string, PartnerFigures['circuit']>();
  for (const { now, then } of apps) {
    if (!now.metrics) continue;
    addAttempts(attempts, now.metrics, then?.metrics ?? []);
    for (const sample of now.metrics.filter((s) => s.name === CIRCUIT_STATE)) {
      const organisation = sample.labels['organisation'];
      const state = CIRCUIT_NAMES[sample.value as 0 | 1 | 2];
      if (!organisation || !state) continue;
      const known = circuits.get(organisation);
      if (!known || SEVERITY[state] > SEVERITY[known]) circuits.set(organisation, state);
    }
  }
  const organisations = new Set([...attempts.keys(), ...circuits.keys(), ...(paused ?? [])]);
  return [...organisations].sort().map((partner) => {
    const window = attempts.get(partner);
    const buckets = [...(window?.buckets ?? new Map<number, number>()).entries()].map(
      ([le, count]) => ({ le, count }),
    );
    const p95 = window && window.all > 0 ? histogramQuantile(0.95, buckets) : null;
    return {
      partner,
      successRate: window && window.all > 0 ? round(window.delivered / window.all, 4) : null,
      p95Ms: p95 === null ? null : round(p95 * 1000, 1),
      circuit: circuits.get(partner) ?? null,
      paused: paused ? paused.has(partner) : null,
    };
  });
}

/** Adds one app's attempt counts and buckets over the window, per organisation. */
function addAttempts(
  into: Map<string, { delivered: number; all: number; buckets: Map<number, number> }>,
  now: readonly MetricSample[],
  then: readonly MetricSample[],
): void {
  const before = new Map(then.map((sample) => [seriesKey(sample), sample.value]));
  for (const sample of now) {
    const organisation = sample.labels['organisation'];
    if (!organisation) continue;
    const increase = counterIncrease(before.get(seriesKey(sample)), sample.value);
    const entry = into.get(organisation) ?? { delivered: 0, all: 0, buckets: new Map() };
    if (sample.name === `${ATTEMPT_DURATION}_count`) {
      entry.all += increase;
      if (sample.labels['result'] === 'delivered') entry.delivered += increase;
    } else if (sample.name === `${ATTEMPT_DURATION}_bucket`) {
      const le = sample.labels['le'] === '+Inf' ? Infinity : Number(sample.labels['le']);
      entry.buckets.set(le, (entry.buckets.get(le) ?? 0) + increase);
    } else continue;
    into.set(organisation, entry);
  }
}

function seriesKey(sample: MetricSample): string {
  const labels = Object.entries(sample.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  return `${sample.name}{${labels.join(',')}}`;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

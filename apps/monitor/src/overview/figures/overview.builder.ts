// The overview from the samples in memory: a pure function, so every figure is unit-tested
// without a broker, a database or an app.
import type { Overview, SourceStatus } from '../overview.types';
import type { AppSnapshot, Sample } from '../sampling/sample.types';
import { consumerGroupFigures, deadLetterFigures, topicFigures } from './kafka.figures';
import { partnerFigures, type AppWindow } from './partner.figures';
import { windowStart } from './sample.window';

/** What the overview is computed from. */
export interface OverviewInput {
  /** Samples, oldest first. */
  readonly samples: readonly Sample[];
  readonly now: Date;
  readonly rateWindowMs: number;
  readonly partnerWindowMs: number;
  /** Null: every insurer (the hub's operator); else only this insurer's deadlines. */
  readonly insurer: string | null;
}

/** Builds `GET /v1/overview` from the samples. */
export function buildOverview(input: OverviewInput): Overview {
  const latest = input.samples.at(-1);
  const generatedAt = input.now.toISOString();
  if (!latest) return emptyOverview(generatedAt);
  const kafka = latest.kafka;
  const rateStart = windowStart(input.samples, latest, input.rateWindowMs, (s) => !!s.kafka);
  const deadlines = (latest.database?.deadlines ?? []).filter(
    (row) => input.insurer === null || row.insurer === input.insurer,
  );
  return {
    generatedAt,
    sources: {
      kafka: kafka ? 'ok' : 'unavailable',
      database: latest.database ? 'ok' : 'unavailable',
      metrics: metricsStatus(latest.apps),
    },
    topics: kafka
      ? topicFigures(
          kafka,
          rateStart?.kafka
            ? { snapshot: rateStart.kafka, minutes: (latest.at - rateStart.at) / 60_000 }
            : undefined,
        )
      : [],
    consumerGroups: kafka ? consumerGroupFigures(kafka) : [],
    deadLetters: kafka ? deadLetterFigures(kafka) : [],
    partners: partnerFigures(
      appWindows(input.samples, latest, input.partnerWindowMs),
      latest.database?.pausedOrganisations ?? null,
    ),
    deadlines: [...deadlines].sort((a, b) => a.insurer.localeCompare(b.insurer)),
    history: history(input.samples),
  };
}

function emptyOverview(generatedAt: string): Overview {
  return {
    generatedAt,
    sources: { kafka: 'unavailable', database: 'unavailable', metrics: 'unavailable' },
    topics: [],
    consumerGroups: [],
    deadLetters: [],
    partners: [],
    deadlines: [],
    history: { at: [], eventsIn: [], eventsOut: [] },
  };
}

function metricsStatus(apps: readonly AppSnapshot[]): SourceStatus {
  const read = apps.filter((app) => app.metrics !== null).length;
  if (apps.length > 0 && read === apps.length) return 'ok';
  return read === 0 ? 'unavailable' : 'partial';
}

/** Each app now and at the start of the partner window (its own last reading there). */
function appWindows(samples: readonly Sample[], latest: Sample, windowMs: number): AppWindow[] {
  return latest.apps.map((now) => {
    const readable = (sample: Sample) => !!appIn(sample, now.name)?.metrics;
    const start = windowStart(samples, latest, windowMs, readable);
    return { now, then: start ? appIn(start, now.name) : undefined };
  });
}

function appIn(sample: Sample, name: string): AppSnapshot | undefined {
  return sample.apps.find((app) => app.name === name);
}

/**
 * Events per minute between consecutive samples, over every topic shown (dead letters aside):
 * `eventsIn` written, `eventsOut` read by consumer groups. Null where either sample lacks Kafka.
 */
function history(samples: readonly Sample[]): Overview['history'] {
  const at: string[] = [];
  const eventsIn: Array<number | null> = [];
  const eventsOut: Array<number | null> = [];
  samples.forEach((sample, index) => {
    const previous = samples[index - 1];
    at.push(new Date(sample.at).toISOString());
    if (!previous?.kafka || !sample.kafka) {
      eventsIn.push(null);
      eventsOut.push(null);
      return;
    }
    const figures = topicFigures(sample.kafka, {
      snapshot: previous.kafka,
      minutes: (sample.at - previous.at) / 60_000,
    });
    eventsIn.push(sum(figures.map((f) => f.inPerMinute ?? 0)));
    eventsOut.push(sum(figures.map((f) => f.outPerMinute ?? 0)));
  });
  return { at, eventsIn, eventsOut };
}

function sum(values: number[]): number {
  return Math.round(values.reduce((total, value) => total + value, 0) * 100) / 100;
}

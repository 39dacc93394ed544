import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import {
  createFreshDatabase,
  createTestTrust,
  dropDatabase,
  freePort,
  routeASalariedWithCpmt,
  routeBSelfEmployedToActiris,
  uniqueGroupId,
  uniqueTopic,
  waitForReady,
  type JsonEvent,
} from '@rtw/testing';
import type { Scenario } from '../harness/scenario';
import { kafkaPassthrough } from '../kafka/passthrough.bench';

const EVENTS = Number(process.env.BENCH_TRACKER_EVENTS ?? 1_000_000);
const EVENTS_PER_DOSSIER = 10;
const PARTITIONS = 12;
const ROOT = join(__dirname, '..', '..');

/** The events of `dossiers` lawful trajectories, 10 each (route A and route B prefixes). */
function* replayBatches(dossiers: number, batchDossiers = 500): Generator<JsonEvent[]> {
  for (let done = 0; done < dossiers; done += batchDossiers) {
    const batch: JsonEvent[] = [];
    for (let i = done; i < Math.min(dossiers, done + batchDossiers); i++) {
      const script = i % 2 === 0 ? routeASalariedWithCpmt() : routeBSelfEmployedToActiris();
      batch.push(...script.events.slice(0, EVENTS_PER_DOSSIER));
    }
    yield batch;
  }
}

/** Replays one size through a tracker process; returns throughput and its peak memory. */
async function replay(events: number, brokers: string[]) {
  const dossiers = Math.ceil(events / EVENTS_PER_DOSSIER);
  const database = await createFreshDatabase();
  const topic = uniqueTopic('bench-tracker');
  const kafka = new Kafka({ clientId: 'rtw-bench-tracker', brokers, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  let tracker: ChildProcess | undefined;
  try {
    // The backlog first (a replay): the tracker then reads as fast as it can apply.
    let produced = 0;
    for (const batch of replayBatches(dossiers)) {
      const messages = batch.map((event) => toKafkaMessage(event as unknown as CloudEvent));
      await producer.send({ topic, acks: -1, messages });
      produced += messages.length;
    }
    const port = await freePort();
    tracker = spawn(
      process.execPath,
      [
        '--disable-warning=TimeoutNegativeWarning',
        '-r',
        join(ROOT, 'scripts', 'register-ts.cjs'),
        join(ROOT, 'apps', 'tracker', 'src', 'main.ts'),
      ],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          TRACKER_PORT: String(port),
          DATABASE_URL: database.url,
          KAFKA_BROKERS: brokers.join(','),
          KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
          TRACKER_INBOUND_TOPIC: topic,
          TRACKER_GROUP_ID: uniqueGroupId('bench-tracker'),
          TRACKER_PARTITIONS_CONCURRENCY: '4',
          // Production refuses the development registry; the bench's own has no support keys.
          TRACKER_ORGANISATIONS_FILE: (
            await createTestTrust({
              environment: 'production',
              organisations: [{ kind: 'insurer', code: '100' }],
            })
          ).file,
        },
      },
    );
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(url, { timeoutMs: 120_000 });
    let first: number | undefined;
    let applied = 0;
    let peakRss = 0;
    const deadline = Date.now() + 60 * 60 * 1000;
    while (applied < produced && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      applied = await counter(url, 'rtw_tracker_events_total', 'outcome="accepted"');
      if (applied > 0 && first === undefined) first = performance.now();
      peakRss = Math.max(peakRss, peakRssOf(tracker.pid!));
    }
    const seconds = (performance.now() - (first ?? performance.now())) / 1000;
    const batchP99Ms = await histogramQuantile(url, 'rtw_consumer_handler_duration_seconds', 0.99);
    return {
      events: produced,
      dossiers,
      applied,
      eventsPerSecond: Math.round(applied / seconds),
      seconds: Math.round(seconds * 10) / 10,
      batchLatencyP99Ms: batchP99Ms,
      trackerPeakRssMiB: Math.round(peakRss / 1024),
    };
  } finally {
    // Wait for the exit only if the tracker still runs: an 'exit' that already happened never
    // fires again, and a promise nobody can settle lets Node end the bench silently with 0.
    if (tracker && tracker.exitCode === null && tracker.signalCode === null) {
      const exited = new Promise((resolve) => tracker!.once('exit', resolve));
      tracker.kill('SIGTERM');
      await exited;
    }
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await dropDatabase(database.name);
  }
}

async function counter(url: string, name: string, label: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

/** A quantile of a Prometheus histogram (upper bound of the bucket holding it), in ms. */
async function histogramQuantile(url: string, name: string, q: number): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = new Map<number, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}_bucket{`)) continue;
    const le = /le="([^"]+)"/.exec(line)?.[1];
    if (!le) continue;
    const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(line.split(' ').at(-1)));
  }
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  const found = sorted.find(([, count]) => count >= q * total);
  return found ? found[0] * 1000 : 0;
}

/** Peak resident set size of a process, in KiB (VmHWM). */
function peakRssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * A national replay through the tracker: `BENCH_TRACKER_EVENTS` lawful events (1,000,000 over
 * 100,000 dossiers by default) pre-loaded on an inbound topic, applied by a tracker process with
 * its durable state (event store, projection, registers, deadlines, outbox) on a fresh database.
 * Reported next to the raw Kafka pass-through measured just before, and at a tenth of the size to
 * show that memory does not grow with the number of dossiers.
 */
export const trackerReplay: Scenario = {
  name: 'tracker-replay',
  description: `replay of ${EVENTS} events over ${EVENTS / EVENTS_PER_DOSSIER} dossiers through the tracker, vs raw pass-through`,
  async run() {
    const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
    const baseline = await kafkaPassthrough.run();
    const small = await replay(Math.round(EVENTS / 10), brokers);
    const large = await replay(EVENTS, brokers);
    const raw = baseline['eventsPerSecond'] as number;
    return {
      baseline: { scenario: 'kafka-passthrough', eventsPerSecond: raw },
      small,
      large,
      ratioToRawPassthrough: Math.round((large.eventsPerSecond / raw) * 100) / 100,
    };
  },
};

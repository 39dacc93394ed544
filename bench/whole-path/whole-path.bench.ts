import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Partitioners, type Admin, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { TOPICS, toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import {
  createFreshDatabase,
  createTestTrust,
  dropDatabase,
  kafkaBrokers,
  cpmtDecisionBThenAmiCase4,
  REGIONAL_RESIDENCES,
  routeBToRegionalService,
  startAppProcess,
  testKafka,
  uniqueGroupId,
  waitForReady,
  waitUntil,
  type AppProcess,
  type JsonEvent,
} from '@rtw/testing';
import type { Scenario } from '../harness/scenario';
import { summarize } from '../harness/stats';
import { kafkaPassthrough } from '../kafka/passthrough.bench';

const ROOT = resolve(__dirname, '..', '..');
const number = (key: string, fallback: number): number => Number(process.env[key] ?? fallback);
/** Dossiers of the burst phase (10 inbound events each, the last one the referral to Actiris). */
const BURST_DOSSIERS = number('BENCH_WHOLE_PATH_BURST_DOSSIERS', 2000);
/** The paced phase: inbound events per second, sustained for so many seconds (open loop). */
const PACED_RATE = number('BENCH_WHOLE_PATH_PACED_RATE', 500);
const PACED_SECONDS = number('BENCH_WHOLE_PATH_PACED_SECONDS', 20);
/** Dossiers sent through the whole path before measuring (JIT, pools, connections, metadata). */
const WARMUP_DOSSIERS = number('BENCH_WHOLE_PATH_WARMUP_DOSSIERS', 100);
/** Partitions of the hub's dossier-keyed topics when the apps create them. */
const PARTITIONS = number('BENCH_WHOLE_PATH_PARTITIONS', 12);
/** Dossiers interleaved step by step (a dossier's events are spread over the window, in order). */
const WINDOW_DOSSIERS = number('BENCH_WHOLE_PATH_WINDOW_DOSSIERS', 50);
/** Largest produce request of the burst. */
const BURST_BATCH = 500;
const PARTNER_NAMES = ['actiris', 'vdab', 'forem', 'adg', 'cpmt'] as const;
type Partner = (typeof PARTNER_NAMES)[number];
/** The partners the dossiers are referred to, in turn (issue 10: a mix of partners). */
const PARTNERS = (process.env['BENCH_WHOLE_PATH_PARTNERS'] ?? 'actiris,vdab,forem,adg,cpmt')
  .split(',')
  .map((partner) => partner.trim())
  .filter((partner): partner is Partner => (PARTNER_NAMES as readonly string[]).includes(partner));
/** Partners whose referral the connector of that name handles. */
const CONNECTOR_OF = {
  actiris: 'actiris',
  vdab: 'regional',
  forem: 'regional',
  adg: 'regional',
  cpmt: 'cpmt',
} as const;
const REFERRALS = new Set(['be.rtw.regional.referral.requested', 'be.rtw.cpmt.referral.requested']);
const DAY_MS = 86_400_000;

/** One inbound event to produce; `referral` marks the last event of its dossier. */
interface Planned {
  readonly event: JsonEvent;
  readonly dossierId: string;
  readonly referral: boolean;
}

/**
 * A lawful trajectory up to its referral to the partner (one partner message per dossier), dated
 * so that today fits it: route B to the regional service of the residence, or a CPMT referral.
 */
const PARTNER_TRAJECTORIES: Record<Partner, () => { dossierId: string; events: JsonEvent[] }> = {
  actiris: () => regional('actiris'),
  vdab: () => regional('vdab'),
  forem: () => regional('forem'),
  adg: () => regional('adg'),
  cpmt: () => cpmtDecisionBThenAmiCase4({ incapacityStart: daysAgo(113) }),
};

function regional(service: keyof typeof REGIONAL_RESIDENCES) {
  return routeBToRegionalService(REGIONAL_RESIDENCES[service], { incapacityStart: daysAgo(110) });
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Trajectories up to their referral (10 to 12 inbound events each, one partner message per
 * dossier), the partners of PARTNERS in turn, interleaved step by step in windows of dossiers:
 * each dossier's events stay in order, and each produce request mixes dossiers at different steps.
 */
function plan(dossiers: number): Planned[] {
  const planned: Planned[] = [];
  let next = 0;
  for (let start = 0; start < dossiers; start += WINDOW_DOSSIERS) {
    const window = Array.from({ length: Math.min(WINDOW_DOSSIERS, dossiers - start) }, () => {
      const partner = PARTNERS[next++ % PARTNERS.length]!;
      const { dossierId, events } = PARTNER_TRAJECTORIES[partner]();
      const referral = events.findIndex((e) => REFERRALS.has(String(e['type'])));
      return { dossierId, events: events.slice(0, referral + 1) };
    });
    const steps = Math.max(...window.map((t) => t.events.length));
    for (let step = 0; step < steps; step += 1)
      for (const { dossierId, events } of window) {
        const event = events[step];
        if (event) planned.push({ event, dossierId, referral: step === events.length - 1 });
      }
  }
  return planned;
}

/** The local sink playing every partner: answers 200 at once, notes the first arrival per dossier. */
interface Sink {
  readonly port: number;
  /** First arrival (performance.now()) of each dossier's partner message. */
  readonly arrivals: Map<string, number>;
  /** 2xx answers per idempotency key (more than one: the same message sent twice). */
  readonly perKey: Map<string, number>;
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const arrivals = new Map<string, number>();
  const perKey = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      const key = String(request.headers['idempotency-key'] ?? '');
      // The partner's document names the dossier: <dossier> in XML, "dossier" in JSON.
      const body = Buffer.concat(chunks).toString();
      const dossierId = (/<dossier>([^<]+)<\/dossier>/.exec(body) ??
        /"dossier"\s*:\s*"([^"]+)"/.exec(body))?.[1];
      if (dossierId && !arrivals.has(dossierId)) arrivals.set(dossierId, at);
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"status":"received"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    arrivals,
    perKey,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** The development delivery directory with its endpoints at the sink and absolute secret paths. */
function deliveryDirectory(dir: string, sinkPort: number): string {
  const text = readFileSync(join(ROOT, 'config', 'partners.json'), 'utf8')
    .replaceAll('127.0.0.1:3004', `127.0.0.1:${sinkPort}`)
    .replaceAll('"file:keys/', `"file:${join(ROOT, 'config', 'keys')}/`);
  const file = join(dir, 'partners.json');
  writeFileSync(file, text);
  return file;
}

/**
 * New consumer groups start from the beginning of their topics; on a broker that already carries
 * the hub's topics (an earlier run, a running hub), each app's group is first placed at the end of
 * what it reads, so the bench measures only its own events.
 */
async function startGroupsAtEnd(admin: Admin, groups: Record<string, RegExp>): Promise<void> {
  const existing = await admin.listTopics();
  for (const [groupId, pattern] of Object.entries(groups))
    for (const topic of existing.filter((t) => pattern.test(t))) {
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
      });
    }
}

/** The partners' outbound topics of the mix. */
const OUTBOUND = [...new Set(PARTNERS.map((partner) => TOPICS.outbound[partner]))];

/**
 * Watches the topics between the stages: when each dossier's referral is accepted on
 * rtw.dossier.events.v1 (tracker done) and when its prepared message is on its partner's outbound topic
 * (connector done), so a slow path shows which stage holds it.
 */
async function watchStages(admin: Admin): Promise<{
  accepted: Map<string, number>;
  prepared: Map<string, number>;
  close(): Promise<void>;
}> {
  const accepted = new Map<string, number>();
  const prepared = new Map<string, number>();
  const groupId = uniqueGroupId('bench-whole-stages');
  // The apps created both topics at start (the hub's topology); the watcher starts after them.
  await startGroupsAtEnd(admin, {
    [groupId]: new RegExp(`^(${[TOPICS.dossierEvents, ...OUTBOUND].join('|')})$`),
  });
  const consumer = testKafka('rtw-bench-whole-path-stages').consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({
    topics: [TOPICS.dossierEvents, ...OUTBOUND],
    fromBeginning: true,
  });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      for (const message of batch.messages) {
        const dossierId = message.key?.toString() ?? '';
        const type = message.headers?.['ce_type']?.toString();
        if (batch.topic !== TOPICS.dossierEvents) {
          if (!prepared.has(dossierId)) prepared.set(dossierId, now);
        } else if (REFERRALS.has(type ?? '') && !accepted.has(dossierId))
          accepted.set(dossierId, now);
      }
    },
  });
  await waitUntil(
    async () => (await consumer.describeGroup()).state === 'Stable',
    'the stage watcher to join',
    60_000,
  );
  return { accepted, prepared, close: () => consumer.disconnect() };
}

/** Per stage, the time a referral spent there (p50/p99 in ms). */
function stages(
  sent: Sent,
  sink: Sink,
  watched: { accepted: Map<string, number>; prepared: Map<string, number> },
) {
  const of = (from: (d: string) => number | undefined, to: (d: string) => number | undefined) =>
    summarize(
      [...sent.referralAt.keys()].flatMap((d) => {
        const [a, b] = [from(d), to(d)];
        return a === undefined || b === undefined ? [] : [b - a];
      }),
    );
  const trim = ({ count, p50, p99 }: { count: number; p50: number; p99: number }) => ({
    count,
    p50,
    p99,
  });
  return {
    tracker: trim(
      of(
        (d) => sent.referralAt.get(d),
        (d) => watched.accepted.get(d),
      ),
    ),
    connector: trim(
      of(
        (d) => watched.accepted.get(d),
        (d) => watched.prepared.get(d),
      ),
    ),
    delivery: trim(
      of(
        (d) => watched.prepared.get(d),
        (d) => sink.arrivals.get(d),
      ),
    ),
  };
}

/** When each dossier's referral was produced (performance.now()), and every event's count. */
interface Sent {
  readonly referralAt: Map<string, number>;
  events: number;
}

/** Produces the plan in requests of up to BURST_BATCH records, one after the other, at once. */
async function produceBurst(producer: Producer, planned: Planned[], sent: Sent): Promise<void> {
  for (let start = 0; start < planned.length; start += BURST_BATCH) {
    const chunk = planned.slice(start, start + BURST_BATCH);
    const messages = chunk.map((p) => toKafkaMessage(p.event as unknown as CloudEvent));
    const at = performance.now();
    for (const p of chunk) if (p.referral) sent.referralAt.set(p.dossierId, at);
    await producer.send({ topic: TOPICS.inboundEvents, acks: -1, messages });
    sent.events += chunk.length;
  }
}

/**
 * Open loop at `rate` events/s: event i is due at `startedAt + i / rate`. Requests go one after
 * the other (the idempotent producer keeps each dossier's order); whatever fell due while one was
 * in flight goes in the next. A referral's clock starts when it was due, not when it left, so a
 * slow producer counts against the path (no coordinated omission).
 */
async function producePaced(
  producer: Producer,
  planned: Planned[],
  rate: number,
  sent: Sent,
): Promise<void> {
  const startedAt = performance.now();
  const dueAt = (i: number) => startedAt + (i / rate) * 1000;
  let next = 0;
  while (next < planned.length) {
    const now = performance.now();
    const due = Math.min(planned.length, Math.floor(((now - startedAt) / 1000) * rate) + 1);
    if (due <= next) {
      await new Promise((done) => setTimeout(done, Math.max(1, dueAt(next) - now)));
      continue;
    }
    const chunk = planned.slice(next, due);
    chunk.forEach((p, i) => {
      if (p.referral) sent.referralAt.set(p.dossierId, dueAt(next + i));
    });
    next = due;
    await producer.send({
      topic: TOPICS.inboundEvents,
      acks: -1,
      messages: chunk.map((p) => toKafkaMessage(p.event as unknown as CloudEvent)),
    });
    sent.events += chunk.length;
  }
}

/** Latency of each referral of `sent`: its production to its partner message at the sink. */
function latencies(sent: Sent, sink: Sink): number[] {
  return [...sent.referralAt].map(([dossierId, at]) => sink.arrivals.get(dossierId)! - at);
}

async function allArrived(sent: Sent, sink: Sink, what: string, timeoutMs: number) {
  await waitUntil(
    () => [...sent.referralAt.keys()].every((dossierId) => sink.arrivals.has(dossierId)),
    what,
    timeoutMs,
  );
}

/**
 * Inside delivery, from its own records (process clock, ms): intake to the attempt's start (the
 * queue wait: a free turn, the claim, the gate) and the HTTP request itself.
 */
async function deliveryBreakdown(url: string, from: Date, to: Date) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT
         percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM a."started_at" - m."received_at") * 1000) AS "queued",
         percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY a."latency_ms") AS "http"
       FROM "delivery_messages" m JOIN "delivery_attempts" a ON a."message_id" = m."id"
       WHERE m."received_at" >= $1 AND m."received_at" < $2 AND m."status" = 'delivered'`,
      [from, to],
    );
    const pair = (value: unknown) => {
      const [p50, p99] = (value as number[] | null) ?? [0, 0];
      return { p50: Math.round(p50 ?? 0), p99: Math.round(p99 ?? 0) };
    };
    const row = rows[0] as Record<string, unknown>;
    return { queued: pair(row['queued']), http: pair(row['http']) };
  } finally {
    await client.end();
  }
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
const load = () => loadavg().map((n) => round(n, 2));

/**
 * The whole path of issue 9: generated lawful trajectories produced on rtw.inbound.events.v1 (as
 * the gateway would, CloudEvents binary mode), the tracker, the connectors of the partner mix and delivery as
 * processes on a fresh database, and a local HTTP sink playing Actiris. Reported: a burst (every
 * inbound event counted, and partner messages/s, until the last is at the sink) and a paced phase (open
 * loop at BENCH_WHOLE_PATH_PACED_RATE events/s) with the latency of each referral from its
 * production to its partner message at the sink, next to the raw Kafka pass-through measured in the same run.
 */
export const wholePath: Scenario = {
  name: 'whole-path',
  description:
    `inbound topic -> tracker -> connectors (${PARTNERS.join(', ')}) -> delivery -> local sink: burst of ` +
    `${BURST_DOSSIERS * 10} events (${BURST_DOSSIERS} partner messages), then ${PACED_RATE} events/s for ` +
    `${PACED_SECONDS} s; raw pass-through baseline of the same run`,
  async run() {
    const loadBefore = load();
    const baseline = await kafkaPassthrough.run();
    const raw = baseline['eventsPerSecond'] as number;

    const trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'regional', code: 'actiris' },
        { kind: 'regional', code: 'vdab' },
        { kind: 'regional', code: 'forem' },
        { kind: 'regional', code: 'adg' },
        { kind: 'cpmt', code: '0403170701' },
      ],
    });
    const database = await createFreshDatabase();
    const sink = await startSink();
    const dir = mkdtempSync(join(tmpdir(), 'rtw-bench-whole-path-'));
    const kafka = testKafka('rtw-bench-whole-path');
    const admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    const groups = {
      tracker: uniqueGroupId('bench-whole-tracker'),
      actiris: uniqueGroupId('bench-whole-actiris'),
      regional: uniqueGroupId('bench-whole-regional'),
      cpmt: uniqueGroupId('bench-whole-cpmt'),
      delivery: uniqueGroupId('bench-whole-delivery'),
    };
    await startGroupsAtEnd(admin, {
      [groups.tracker]: /^rtw\.inbound\.events\.v1$/,
      [groups.actiris]: /^rtw\.dossier\.events\.v1$/,
      [groups.regional]: /^rtw\.dossier\.events\.v1$/,
      [groups.cpmt]: /^rtw\.dossier\.events\.v1$/,
      [groups.delivery]: /^rtw\.outbound\.[a-z]+\.v1$/,
    });
    const common = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
      TEST_CLOCK_CONTROL: 'false',
    };
    const apps: AppProcess[] = [];
    const closers: Array<() => Promise<void>> = [];
    try {
      const specs = [
        {
          name: 'tracker',
          portKey: 'TRACKER_PORT',
          env: { TRACKER_GROUP_ID: groups.tracker, TRACKER_ORGANISATIONS_FILE: trust.file },
          components: [] as string[],
        },
        ...[...new Set(PARTNERS.map((partner) => CONNECTOR_OF[partner]))].map((connector) => ({
          name: `${connector}-connector`,
          portKey: `${connector.toUpperCase()}_CONNECTOR_PORT`,
          env: { [`${connector.toUpperCase()}_CONNECTOR_GROUP_ID`]: groups[connector] },
          components: ['dossier-events'],
        })),
        {
          name: 'delivery',
          portKey: 'DELIVERY_PORT',
          env: {
            DELIVERY_PARTNERS_FILE: deliveryDirectory(dir, sink.port),
            DELIVERY_ORGANISATIONS_FILE: trust.file,
            DELIVERY_GROUP_ID: groups.delivery,
          },
          components: ['delivery-intake', 'delivery-dispatcher'],
        },
      ];
      for (const spec of specs)
        apps.push(
          await startAppProcess({
            name: spec.name,
            portKey: spec.portKey,
            env: { ...common, ...spec.env },
          }),
        );
      await Promise.all(
        apps.map((app, i) =>
          waitForReady(app.url, { components: specs[i]!.components, timeoutMs: 180_000 }),
        ),
      );

      const watched = await watchStages(admin);
      closers.push(watched.close);
      const warmup: Sent = { referralAt: new Map(), events: 0 };
      await produceBurst(producer, plan(WARMUP_DOSSIERS), warmup);
      await allArrived(warmup, sink, 'the warm-up messages at the sink', 300_000);

      // Burst: as fast as the path goes; every inbound event counts.
      const burst: Sent = { referralAt: new Map(), events: 0 };
      const burstPlan = plan(BURST_DOSSIERS);
      const burstWall = new Date();
      const burstStart = performance.now();
      await produceBurst(producer, burstPlan, burst);
      const burstProduced = performance.now();
      await allArrived(burst, sink, 'every burst message at the sink', 900_000);
      const burstEnd = Math.max(...[...burst.referralAt.keys()].map((d) => sink.arrivals.get(d)!));
      const burstSeconds = (burstEnd - burstStart) / 1000;
      const loadAfterBurst = load();

      // Paced: a sustained rate, open loop.
      const paced: Sent = { referralAt: new Map(), events: 0 };
      const pacedPlan = plan(Math.max(1, Math.round((PACED_RATE * PACED_SECONDS) / 10)));
      const pacedWall = new Date();
      const pacedStart = performance.now();
      await producePaced(producer, pacedPlan, PACED_RATE, paced);
      const pacedProduced = performance.now();
      await allArrived(paced, sink, 'every paced message at the sink', 900_000);
      const pacedEnd = Math.max(...[...paced.referralAt.keys()].map((d) => sink.arrivals.get(d)!));

      const duplicates = [...sink.perKey.values()].filter((n) => n > 1).length;
      const burstEventsPerSecond = Math.round(burst.events / burstSeconds);
      const pacedLatency = summarize(latencies(paced, sink));
      return {
        baseline: { scenario: 'kafka-passthrough', eventsPerSecond: raw },
        burst: {
          events: burst.events,
          messages: burst.referralAt.size,
          eventsPerSecond: burstEventsPerSecond,
          messagesPerSecond: Math.round(burst.referralAt.size / burstSeconds),
          produceSeconds: round((burstProduced - burstStart) / 1000),
          seconds: round(burstSeconds),
          referralLatencyMs: summarize(latencies(burst, sink)),
          stagesMs: stages(burst, sink, watched),
          insideDeliveryMs: await deliveryBreakdown(database.url, burstWall, pacedWall),
        },
        paced: {
          targetEventsPerSecond: PACED_RATE,
          events: paced.events,
          messages: paced.referralAt.size,
          achievedEventsPerSecond: Math.round(paced.events / ((pacedProduced - pacedStart) / 1000)),
          seconds: round((pacedEnd - pacedStart) / 1000),
          referralLatencyMs: pacedLatency,
          stagesMs: stages(paced, sink, watched),
          insideDeliveryMs: await deliveryBreakdown(database.url, pacedWall, new Date()),
        },
        ratioToRawPassthrough: round(burstEventsPerSecond / raw),
        goal: {
          ratioAtLeast: 0.3,
          p99UnderMs: 2000,
          met: burstEventsPerSecond / raw >= 0.3 && pacedLatency.p99 < 2000,
        },
        messagesSentTwice: duplicates,
        loadAverage: { before: loadBefore, afterBurst: loadAfterBurst, after: load() },
      };
    } catch (error) {
      for (const app of apps) console.error(`${app.name}: ${app.output().slice(-3000)}`);
      throw error;
    } finally {
      for (const close of closers) await close();
      await Promise.all(apps.map((app) => app.stop('SIGTERM')));
      await producer.disconnect();
      await admin.disconnect();
      await sink.close();
      await dropDatabase(database.name);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

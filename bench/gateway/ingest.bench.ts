import { ConfigResourceTypes } from 'kafkajs';
import { TOPICS } from '@rtw/messaging';
import {
  createFreshDatabase,
  dropDatabase,
  kafkaBrokers,
  startAppProcess,
  testKafka,
  uniqueGroupId,
  waitForStatus,
  waitUntil,
  createTestTrust,
  type JsonEvent,
  type TestTrust,
} from '@rtw/testing';
import type { Scenario } from '../harness/scenario';
import { summarize } from '../harness/stats';
import { buildBatches, runConcurrently } from './ingest.workload';
import { rawProducerBaseline } from './raw-producer.baseline';

const EVENTS = Number(process.env.BENCH_GATEWAY_EVENTS ?? process.env.BENCH_MESSAGES ?? 20000);
const BATCH_SIZE = Number(process.env.BENCH_GATEWAY_BATCH ?? 100);
const CONCURRENCY = Number(process.env.BENCH_GATEWAY_CONCURRENCY ?? 4);
/** The paced scenario: a sustained rate, as insurers would send through a busy day. */
const PACED_RATE = Number(process.env.BENCH_GATEWAY_PACED_RATE ?? 2000);
const PACED_SECONDS = Number(process.env.BENCH_GATEWAY_PACED_SECONDS ?? 20);
/** Events sent before measuring (JIT, connection pools, topic metadata), the same for both. */
const WARMUP_EVENTS = Number(process.env.BENCH_GATEWAY_WARMUP_EVENTS ?? 4000);

/**
 * Sustained ingest of signed batches over HTTP: the gateway runs as its own process (production
 * mode, JWT authentication, strict parsing, contract validation, idempotency, audit and outbox
 * in PostgreSQL, relay to Kafka). Reported: accepted events/s and batch latency over HTTP, and
 * events/s and per-event latency until each event is on rtw.inbound.events.v1, next to a raw
 * kafkajs producer sending the same batches in the same run.
 */
export const gatewayIngest: Scenario = {
  name: 'gateway-ingest',
  description:
    `signed batches of ${BATCH_SIZE} over HTTP, ${CONCURRENCY} clients, ${EVENTS} events; ` +
    `then ${PACED_RATE} events/s paced for ${PACED_SECONDS} s; raw producer baseline; ` +
    `${WARMUP_EVENTS} warm-up events first for both`,
  async run() {
    const batches = buildBatches({ events: EVENTS, batchSize: BATCH_SIZE, insurer: '100' });
    const trust = await createTestTrust({
      environment: 'production',
      organisations: [{ kind: 'insurer', code: '100' }],
    });
    const database = await createFreshDatabase();
    const gateway = await startAppProcess({
      name: 'gateway',
      portKey: 'GATEWAY_PORT',
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        GATEWAY_ORGANISATIONS_FILE: trust.file,
        GATEWAY_KAFKA_INGRESS: 'false',
        GATEWAY_RATE_LIMIT_PER_SECOND: '100000',
        GATEWAY_RATE_LIMIT_BURST: '100000',
      },
    });
    try {
      if ((await waitForStatus(gateway, '/health/ready')) !== 200)
        throw new Error('the gateway did not become ready');
      await useAppendTime();
      const warmup = buildBatches({ events: WARMUP_EVENTS, batchSize: BATCH_SIZE, insurer: '100' });
      await ingestOverHttp(gateway.url, warmup, trust);
      const http = await ingestOverHttp(gateway.url, batches, trust);
      const pacedBatches = buildBatches({
        events: PACED_RATE * PACED_SECONDS,
        batchSize: BATCH_SIZE,
        insurer: '100',
      });
      const paced = await ingestOverHttp(gateway.url, pacedBatches, trust, PACED_RATE);
      const baseline = await rawProducerBaseline(batches, CONCURRENCY, kafkaBrokers(), warmup);
      return {
        events: EVENTS,
        batchSize: BATCH_SIZE,
        concurrency: CONCURRENCY,
        gateway: http,
        paced: { targetEventsPerSecond: PACED_RATE, seconds: PACED_SECONDS, ...paced },
        rawProducer: baseline,
        // The figure: events on rtw.inbound.events.v1 per second, against the raw producer.
        endToEndToRawRatio: round(http.endToEnd.eventsPerSecond / baseline.eventsPerSecond),
        gatewayToRawRatio: round(http.http.eventsPerSecond / baseline.eventsPerSecond),
      };
    } finally {
      await gateway.stop('SIGTERM');
      await dropDatabase(database.name);
    }
  },
};

/**
 * Sends the batches over HTTP and measures each event until it is on rtw.inbound.events.v1.
 * Without a rate, CONCURRENCY clients send as fast as they are answered; with one, each batch
 * leaves at its scheduled time (open loop: a slow answer does not slow the senders down).
 *
 * Nothing reads the topic while the clock runs: a consumer decoding every record would take CPU
 * from the gateway on the same two cores (the raw producer's baseline has no such reader). The
 * end is seen in the partitions' end offsets; each event's latency comes afterwards from its
 * record's broker append time (the topic is switched to LogAppendTime before the run).
 */
async function ingestOverHttp(
  url: string,
  batches: JsonEvent[][],
  trust: TestTrust,
  eventsPerSecond?: number,
) {
  const submittedAt = new Map<string, number>();
  const admin = testKafka('rtw-bench-gateway').admin();
  await admin.connect();
  try {
    const topicEnd = async () =>
      (await admin.fetchTopicOffsets(TOPICS.inboundEvents)).reduce(
        (sum, partition) => sum + Number(partition.high),
        0,
      );
    const startOffsets = new Map(
      (await admin.fetchTopicOffsets(TOPICS.inboundEvents)).map((p) => [p.partition, p.high]),
    );
    const endBefore = [...startOffsets.values()].reduce((sum, high) => sum + Number(high), 0);
    // The client's own work (signing, serialising) is done before the clock starts: it is not the
    // gateway's, and on two cores it would otherwise compete with the gateway for CPU.
    const requests = new Map<JsonEvent[], { body: string; authorization: string }>();
    for (const batch of batches)
      requests.set(batch, {
        body: JSON.stringify(batch),
        authorization: `Bearer ${await trust.sign('insurer:100')}`,
      });
    const latencies: number[] = [];
    const startedAt = performance.now();
    const send = async (batch: JsonEvent[]) => {
      const { body: payload, authorization } = requests.get(batch)!;
      const sentAt = performance.now();
      const sentAtEpoch = Date.now();
      for (const event of batch) submittedAt.set(event['id'] as string, sentAtEpoch);
      const response = await fetch(`${url}/v1/events/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents-batch+json', authorization },
        body: payload,
      });
      const body = (await response.json()) as { accepted?: number };
      if (response.status !== 200 || body.accepted !== batch.length)
        throw new Error(`batch refused: ${response.status}`);
      latencies.push(performance.now() - sentAt);
    };
    if (eventsPerSecond === undefined) await runConcurrently(batches, CONCURRENCY, send);
    else await sendPaced(batches, eventsPerSecond, startedAt, send);
    const httpSeconds = (performance.now() - startedAt) / 1000;
    await waitUntil(
      async () => (await topicEnd()) - endBefore >= submittedAt.size,
      'every event on rtw.inbound.events.v1',
      300_000,
    );
    const endToEndSeconds = (performance.now() - startedAt) / 1000;
    const arrivals = await appendLatencies(submittedAt, startOffsets);
    return {
      http: {
        eventsPerSecond: Math.round(submittedAt.size / httpSeconds),
        batchLatencyMs: summarize(latencies),
      },
      endToEnd: {
        eventsPerSecond: Math.round(submittedAt.size / endToEndSeconds),
        eventLatencyMs: summarize(arrivals),
      },
    };
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads, after the run, the records appended since `startOffsets` and returns each submitted
 * event's latency: the broker's append time minus the moment its batch was sent.
 */
async function appendLatencies(
  submittedAt: ReadonlyMap<string, number>,
  startOffsets: ReadonlyMap<number, string>,
): Promise<number[]> {
  const arrivals: number[] = [];
  const consumer = testKafka('rtw-bench-gateway').consumer({
    groupId: uniqueGroupId('bench-gateway'),
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPICS.inboundEvents], fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const from = BigInt(startOffsets.get(batch.partition) ?? '0');
      for (const message of batch.messages) {
        if (BigInt(message.offset) < from) continue;
        const sent = submittedAt.get(message.headers?.['ce_id']?.toString() ?? '');
        if (sent !== undefined) arrivals.push(Number(message.timestamp) - sent);
      }
    },
  });
  try {
    await waitUntil(
      () => arrivals.length >= submittedAt.size,
      'every submitted event read back from rtw.inbound.events.v1',
      300_000,
    );
  } finally {
    await consumer.disconnect();
  }
  return arrivals;
}

/** Records on the topic carry the broker's append time, not the producer's clock. */
async function useAppendTime(): Promise<void> {
  const admin = testKafka('rtw-bench-gateway').admin();
  await admin.connect();
  try {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: TOPICS.inboundEvents,
          configEntries: [{ name: 'message.timestamp.type', value: 'LogAppendTime' }],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}

/** Sends batch i at `startedAt + i × batch size / rate`, whatever the answers' pace. */
async function sendPaced(
  batches: JsonEvent[][],
  eventsPerSecond: number,
  startedAt: number,
  send: (batch: JsonEvent[]) => Promise<void>,
): Promise<void> {
  const inFlight: Array<Promise<void>> = [];
  let sent = 0;
  for (const batch of batches) {
    const due = startedAt + (sent / eventsPerSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(batch));
    sent += batch.length;
  }
  await Promise.all(inFlight);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

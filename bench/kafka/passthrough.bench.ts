import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { Scenario } from '../harness/scenario';
import { summarize } from '../harness/stats';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20000);
const MESSAGE_BYTES = 1024;
const PARTITIONS = 6;
const SEND_BATCH = 100;
const KEYS = 500;

/**
 * The physical baseline: raw kafkajs produce -> consume -> produce -> consume on the local broker
 * with 1 KB messages, no validation, no database. Every later pipeline stage is reported next to
 * this figure measured in the same run.
 */
export const kafkaPassthrough: Scenario = {
  name: 'kafka-passthrough',
  description: `raw kafkajs produce->consume->produce->consume, ${MESSAGES} x ${MESSAGE_BYTES} B, acks=all, idempotent`,
  async run() {
    const kafka = new Kafka({
      clientId: 'rtw-bench',
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      logLevel: logLevel.ERROR,
    });
    const run = randomUUID().slice(0, 8);
    const [input, output] = [`bench.passthrough.in.${run}`, `bench.passthrough.out.${run}`];
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [input, output].map((topic) => ({ topic, numPartitions: PARTITIONS })),
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const relayProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const relay = kafka.consumer({ groupId: `bench-relay-${run}` });
    const sink = kafka.consumer({ groupId: `bench-sink-${run}` });
    try {
      await Promise.all([
        producer.connect(),
        relayProducer.connect(),
        relay.connect(),
        sink.connect(),
      ]);
      await startRelay(relay, relayProducer, input, output);
      await sink.subscribe({ topic: output, fromBeginning: true });
      const received = collect(sink, MESSAGES);
      const startedAt = performance.now();
      await sendAll(producer, input);
      const latencies = await received.done;
      const seconds = (performance.now() - startedAt) / 1000;
      return {
        messages: MESSAGES,
        messageBytes: MESSAGE_BYTES,
        partitions: PARTITIONS,
        eventsPerSecond: Math.round(MESSAGES / seconds),
        seconds: Math.round(seconds * 1000) / 1000,
        latencyMs: summarize(latencies),
      };
    } finally {
      await Promise.allSettled([
        relay.disconnect(),
        sink.disconnect(),
        producer.disconnect(),
        relayProducer.disconnect(),
      ]);
      await admin.deleteTopics({ topics: [input, output] }).catch(() => undefined);
      await admin.disconnect();
    }
  },
};

async function startRelay(
  relay: Consumer,
  producer: Producer,
  input: string,
  output: string,
): Promise<void> {
  await relay.subscribe({ topic: input, fromBeginning: true });
  await relay.run({
    autoCommit: false,
    eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
      await producer.send({
        topic: output,
        acks: -1,
        messages: batch.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      });
      const last = batch.messages[batch.messages.length - 1];
      if (last) resolveOffset(last.offset);
      await commitOffsetsIfNecessary();
    },
  });
}

function collect(sink: Consumer, expected: number): { done: Promise<number[]> } {
  const latencies: number[] = [];
  const done = new Promise<number[]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out after ${latencies.length} of ${expected}`)),
      300_000,
    );
    void sink.run({
      eachMessage: async ({ message }) => {
        const sentAt = Number(message.headers?.['sent-at']?.toString());
        latencies.push(performance.timeOrigin + performance.now() - sentAt);
        if (latencies.length === expected) {
          clearTimeout(timer);
          resolve(latencies);
        }
      },
    });
  });
  return { done };
}

async function sendAll(producer: Producer, input: string): Promise<void> {
  const payload = randomBytes(MESSAGE_BYTES / 2).toString('hex');
  for (let sent = 0; sent < MESSAGES; sent += SEND_BATCH) {
    const now = String(performance.timeOrigin + performance.now());
    const messages = Array.from({ length: Math.min(SEND_BATCH, MESSAGES - sent) }, (_, i) => ({
      key: `dossier-${(sent + i) % KEYS}`,
      value: payload,
      headers: { 'sent-at': now },
    }));
    await producer.send({ topic: input, acks: -1, messages });
  }
}

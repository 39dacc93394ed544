import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import { summarize, type LatencySummary } from '../harness/stats';
import { runConcurrently } from './ingest.workload';
import { type JsonEvent } from '@rtw/testing';

/** What the raw producer achieved on the same batches. */
export interface ProducerBaseline {
  eventsPerSecond: number;
  batchLatencyMs: LatencySummary;
}

/**
 * The physical floor for the gateway: the same events, in the same batches and concurrency,
 * produced straight to a throw-away topic with an idempotent acks=all kafkajs producer (no HTTP,
 * no authentication, no validation, no database).
 */
export async function rawProducerBaseline(
  batches: JsonEvent[][],
  concurrency: number,
  brokers: string[],
  warmup: JsonEvent[][] = [],
): Promise<ProducerBaseline> {
  const kafka = new Kafka({
    clientId: 'rtw-bench-gateway-baseline',
    brokers,
    logLevel: logLevel.ERROR,
  });
  const topic = `bench.gateway.baseline.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    // Same warm-up as the gateway gets, so both are measured at their steady state.
    await runConcurrently(warmup, concurrency, async (batch) => {
      await producer.send({
        topic,
        acks: -1,
        messages: batch.map((event) => toKafkaMessage(event as unknown as CloudEvent)),
      });
    });
    // Converted before the clock starts, as the gateway's client serialises before it.
    const prepared = batches.map((batch) =>
      batch.map((event) => toKafkaMessage(event as unknown as CloudEvent)),
    );
    const latencies: number[] = [];
    const startedAt = performance.now();
    await runConcurrently(prepared, concurrency, async (messages) => {
      const sentAt = performance.now();
      await producer.send({ topic, acks: -1, messages });
      latencies.push(performance.now() - sentAt);
    });
    const seconds = (performance.now() - startedAt) / 1000;
    const events = batches.reduce((sum, batch) => sum + batch.length, 0);
    return { eventsPerSecond: Math.round(events / seconds), batchLatencyMs: summarize(latencies) };
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

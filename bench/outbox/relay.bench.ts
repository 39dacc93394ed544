import { KafkaPublicationCheck, KafkaPublisher } from '@rtw/messaging';
import { OUTBOX_ID_HEADER, OutboxRelay, OutboxWriter, type OutboxMessage } from '@rtw/persistence';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTopics,
  dropDatabase,
  testKafka,
  uniqueTopic,
} from '@rtw/testing';
import type { DataSource } from 'typeorm';
import type { Scenario } from '../harness/scenario';

const ROWS = Number(process.env.BENCH_OUTBOX_ROWS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_OUTBOX_ROUNDS ?? 3);
const KEYS = 2_000;
const WRITE_BATCH = 500;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Fills the outbox with `ROWS` pending rows of about 550 bytes over `KEYS` keys. */
async function fill(dataSource: DataSource, topic: string, tag: string): Promise<void> {
  const writer = new OutboxWriter();
  const value = JSON.stringify({ data: 'x'.repeat(500) });
  for (let done = 0; done < ROWS; done += WRITE_BATCH) {
    const messages: OutboxMessage[] = Array.from({ length: WRITE_BATCH }, (_, i) => ({
      topic,
      key: `dossier-${(done + i) % KEYS}`,
      value,
      headers: { ce_id: `${tag}-${done + i}` },
    }));
    await dataSource.transaction((manager) => writer.add(manager, messages));
  }
}

/**
 * The outbox relay alone: how fast it drains a backlog, with and without the publication check
 * that makes it publish each row once (ADR 0033), in alternating rounds so that a busy machine
 * weighs on both alike. Reports rows/s per round and the medians.
 */
export const outboxRelay: Scenario = {
  name: 'outbox-relay',
  description: `outbox relay draining ${ROWS} rows, at least once vs once (ADR 0033), ${ROUNDS} rounds`,
  async run() {
    const database = await createFreshDatabase();
    const dataSource = await createTestDataSource({ url: database.url });
    const topic = uniqueTopic('bench-outbox-relay');
    await createTestTopics({ topic, partitions: 12 });
    const publisher = new KafkaPublisher(testKafka('rtw-bench-outbox-relay'));
    await publisher.connect();
    const check = new KafkaPublicationCheck(testKafka('rtw-bench-outbox-check'), {
      header: OUTBOX_ID_HEADER,
      groupPrefix: 'rtw-bench-outbox-check',
    });
    const rates: { atLeastOnce: number[]; once: number[] } = { atLeastOnce: [], once: [] };
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const mode of ['atLeastOnce', 'once'] as const) {
          await dataSource.query('TRUNCATE "outbox", "outbox_attempts"');
          await fill(dataSource, topic, `${round}-${mode}`);
          const relay = new OutboxRelay({
            dataSource,
            publisher,
            listen: false,
            logger: quiet,
            ...(mode === 'once' ? { publicationCheck: check } : {}),
          });
          const start = performance.now();
          let published = 0;
          while (published < ROWS) published += (await relay.runOnce()).published;
          rates[mode].push(Math.round(ROWS / ((performance.now() - start) / 1000)));
        }
      }
    } finally {
      await publisher.disconnect();
      await dataSource.destroy();
      await dropDatabase(database.name);
    }
    return {
      rows: ROWS,
      rowsPerSecond: rates,
      medianAtLeastOnce: median(rates.atLeastOnce),
      medianOnce: median(rates.once),
      onceToAtLeastOnceRatio:
        Math.round((median(rates.once) / median(rates.atLeastOnce)) * 100) / 100,
    };
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// Handles on the real local broker for integration tests. Several people and test files share
// one broker: every topic and group id a test uses must come from `uniqueTopic`/`uniqueGroupId`.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type IHeaders,
  type ITopicConfig,
  type Message,
} from 'kafkajs';
import { waitForPartitionsServed, type CloudEvent } from '@rtw/messaging';
import { generateNiss } from './niss.factory';

/** A record as a test sees it. */
export interface ConsumedTestRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
  timestamp: string;
}

/** A topic to create for a test: a name, or a name with partitions and configs. */
export type TestTopic =
  string | { topic: string; partitions?: number; configs?: Record<string, string> };

const createdTopics = new Set<string>();

/** Bootstrap brokers from `KAFKA_BROKERS` (comma-separated), `127.0.0.1:9092` by default. */
export function kafkaBrokers(): string[] {
  const raw = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
  return raw
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
}

/** A kafkajs client on the test broker that only logs errors (or nothing, for expected ones). */
export function testKafka(clientId = 'rtw-test', options: { quiet?: boolean } = {}): Kafka {
  return new Kafka({
    clientId,
    brokers: kafkaBrokers(),
    logLevel: options.quiet ? logLevel.NOTHING : logLevel.ERROR,
    retry: { retries: 5, initialRetryTime: 200 },
  });
}

/**
 * A complete hub CloudEvent about a synthetic dossier (generated NISS, made-up names), with every
 * optional attribute set so that round trips can check them all.
 */
export function testDossierEvent(
  overrides: Partial<CloudEvent> = {},
): CloudEvent<Record<string, unknown>> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'urn:rtw:org:insurer:100',
    type: 'be.rtw.dossier.opened',
    subject: randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: 'urn:rtw:schema:be.rtw.dossier.opened:v1',
    insurer: '100',
    correlationid: randomUUID(),
    traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
    data: {
      insured: { niss: generateNiss(), lastName: 'Testperson', firstName: 'Alex', language: 'fr' },
    },
    ...overrides,
  } as CloudEvent<Record<string, unknown>>;
}

/** A topic name no other test uses: `test.<prefix>.<time>-<random>`. */
export function uniqueTopic(prefix: string): string {
  return `test.${prefix}.${uniqueSuffix()}`;
}

/** A consumer group id no other test uses. */
export function uniqueGroupId(prefix: string): string {
  return `test-${prefix}-${uniqueSuffix()}`;
}

/** Runs `work` with a connected admin client and always disconnects it. */
export async function withAdmin<T>(
  work: (admin: Admin) => Promise<T>,
  kafka: Kafka = testKafka(),
): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates topics (1 partition unless said) and remembers them for {@link deleteTestTopics};
 * resolves once every partition is served by its leader, so a test can produce at once.
 */
export async function createTestTopics(...topics: TestTopic[]): Promise<void> {
  const specs: ITopicConfig[] = topics.map((t) => {
    const { topic, partitions = 1, configs = {} } = typeof t === 'string' ? { topic: t } : t;
    return {
      topic,
      numPartitions: partitions,
      replicationFactor: 1,
      configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
    };
  });
  await withAdmin(async (admin) => {
    // kafkajs' own wait for leaders fails while a new partition loads: wait for serving leaders.
    await admin.createTopics({ topics: specs, waitForLeaders: false });
    await waitForPartitionsServed(
      admin,
      specs.map((spec) => spec.topic),
    );
  });
  for (const spec of specs) createdTopics.add(spec.topic);
}

/** Deletes the given topics, or every topic this process created through the fixture. */
export async function deleteTestTopics(topics: string[] = [...createdTopics]): Promise<void> {
  if (topics.length === 0) return;
  await withAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const doomed = topics.filter((t) => existing.has(t));
    if (doomed.length > 0) await admin.deleteTopics({ topics: doomed });
  });
  for (const topic of topics) createdTopics.delete(topic);
}

/** Deletes consumer groups a test created (they keep committed offsets otherwise). */
export async function deleteTestGroups(groupIds: string[]): Promise<void> {
  if (groupIds.length === 0) return;
  await withAdmin((admin) => admin.deleteGroups(groupIds)).catch(() => undefined);
}

/**
 * Reads `topic` from the beginning with a throw-away group until `n` records arrived; rejects
 * with the count seen when `timeoutMs` passes first.
 */
export async function consumeN(
  topic: string,
  n: number,
  // Includes joining a fresh group, which a busy two-core machine can take well over 10 s to do.
  timeoutMs = 45_000,
): Promise<ConsumedTestRecord[]> {
  const groupId = uniqueGroupId('consume-n');
  const consumer = testKafka().consumer({ groupId });
  const records: ConsumedTestRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `consumeN: ${records.length} of ${n} records from ${topic} within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      void consumer
        .run({
          eachMessage: async ({ topic: from, partition, message }) => {
            const { key, value, headers = {}, offset, timestamp } = message;
            records.push({ topic: from, partition, offset, key, value, headers, timestamp });
            if (records.length >= n) resolve();
          },
        })
        .catch(reject);
    });
    return records.slice();
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    await deleteTestGroups([groupId]);
  }
}

/** A header value as text (first value of a repeated header), for assertions. */
export function headerText(headers: IHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** Writes raw records to a topic and waits for the broker's acknowledgement. */
export async function produceTestMessages(topic: string, messages: Message[]): Promise<void> {
  const producer = testKafka('rtw-test-producer').producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    await producer.send({ topic, messages, acks: -1 });
  } finally {
    await producer.disconnect();
  }
}

/** The committed offset of a group per partition of a topic (`-1` where nothing is committed). */
export async function committedOffsets(
  groupId: string,
  topic: string,
): Promise<Map<number, string>> {
  const [entry] = await withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
  return new Map((entry?.partitions ?? []).map((p) => [p.partition, p.offset]));
}

/** Polls `condition` every 50 ms until it holds; rejects naming `what` after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A structured logger (pino-shaped) that keeps its lines in memory, for asserting on logs. */
export function captureLogger() {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) =>
    void lines.push({ level, fields, message });
  return {
    lines,
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
  };
}

/** Records arriving on shared topics from now on, collected for assertions. */
export interface TopicWatcher {
  /** Records seen so far that match `predicate` (all when omitted). */
  records(predicate?: (record: ConsumedTestRecord) => boolean): ConsumedTestRecord[];
  /** Waits until `count` matching records arrived; rejects with the count seen after the timeout. */
  waitFor(
    predicate: (record: ConsumedTestRecord) => boolean,
    count?: number,
    timeoutMs?: number,
  ): Promise<ConsumedTestRecord[]>;
  /**
   * Waits until the watcher has read every record on its topics at the moment of the call, so a
   * count taken next includes everything published before (consumption lags publication).
   */
  caughtUp(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches topics shared with other tests (`rtw.dossier.events.v1`, an insurer's topic) from their
 * current end: resolves once the watcher's group has joined and owns the partitions, so nothing
 * produced afterwards is missed. Filter by dossier id (the key) in assertions.
 */
export async function watchTopics(topics: string[]): Promise<TopicWatcher> {
  // Where each partition ends now: the watcher starts there and ignores anything older.
  const startAt = new Map<string, bigint>();
  await withAdmin(async (admin) => {
    await waitForPartitionsServed(admin, topics);
    for (const topic of topics)
      for (const { partition, offset } of await admin.fetchTopicOffsets(topic))
        startAt.set(`${topic}/${partition}`, BigInt(offset));
  });
  const groupId = uniqueGroupId('watch');
  const consumer = testKafka('rtw-test-watcher').consumer({ groupId });
  const seen: ConsumedTestRecord[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  // The next offset the watcher will read, per partition.
  const position = new Map<string, bigint>(startAt);
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      position.set(`${topic}/${partition}`, BigInt(message.offset) + 1n);
      if (BigInt(message.offset) < (startAt.get(`${topic}/${partition}`) ?? 0n)) return;
      const { key, value, headers = {}, offset, timestamp } = message;
      seen.push({ topic, partition, offset, key, value, headers, timestamp });
    },
  });
  await waitUntil(() => joined, `the watcher of ${topics.join(', ')} to join`, 60_000);
  // Skip the history rather than read it (the filter above keeps this correct either way).
  for (const [where, offset] of startAt) {
    const cut = where.lastIndexOf('/');
    consumer.seek({
      topic: where.slice(0, cut),
      partition: Number(where.slice(cut + 1)),
      offset: offset.toString(),
    });
  }
  const matching = (predicate?: (record: ConsumedTestRecord) => boolean) =>
    predicate ? seen.filter(predicate) : seen.slice();
  return {
    records: matching,
    waitFor: async (predicate, count = 1, timeoutMs = 30_000) => {
      await waitUntil(
        () => matching(predicate).length >= count,
        `${count} matching record(s) on ${topics.join(', ')} (seen ${matching(predicate).length})`,
        timeoutMs,
      );
      return matching(predicate);
    },
    caughtUp: async (timeoutMs = 30_000) => {
      const ends = await withAdmin(async (admin) => {
        const all: Array<[string, bigint]> = [];
        for (const topic of topics)
          for (const { partition, high } of await admin.fetchTopicOffsets(topic))
            all.push([`${topic}/${partition}`, BigInt(high)]);
        return all;
      });
      await waitUntil(
        () => ends.every(([where, end]) => (position.get(where) ?? 0n) >= end),
        `the watcher of ${topics.join(', ')} to read up to the current end`,
        timeoutMs,
      );
    },
    close: async () => {
      await consumer.disconnect();
      await deleteTestGroups([groupId]);
    },
  };
}

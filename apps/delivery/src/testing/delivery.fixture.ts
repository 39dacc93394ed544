// FOR TESTS: a delivery app against its own database, its own outbound topics and a controllable
// partner endpoint, so integration tests of one file never see another file's messages.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { toKafkaMessage, type CloudEvent, type Partner } from '@rtw/messaging';
import { createDataSource } from '@rtw/persistence';
import { createLogger, type OffsetClock } from '@rtw/platform';
import { HUB_CLOCK, createHubApp, readConfig } from '@rtw/runtime';
import {
  createFreshDatabase,
  dropDatabase,
  kafkaBrokers,
  produceTestMessages,
  uniqueGroupId,
  waitForReady,
  waitUntil,
} from '@rtw/testing';
import { generateWebhookSecret, parseWebhookSecret, type WebhookSecret } from '@rtw/webhooks';
import { DELIVERY_APP } from '../delivery.app';
import type { PreparedMessageData } from '../queue/delivery-message.types';
import { outboundTopic } from '../queue/outbound.topics';
import { startTestPartner, type TestPartner } from './test-partner.server';

/** The JSON contract test messages follow. */
export const TEST_CONTRACT = 'urn:rtw:test:partner:referral:v1';

/** An organisation of the test directory: its id, partner, and directory overrides. */
export interface TestOrganisation {
  readonly id: string;
  readonly partner: Partner;
  readonly limits?: Record<string, unknown>;
  readonly retrySchedule?: Record<string, unknown>;
}

/** Everything one test file's delivery app runs against. */
export interface DeliveryTestSetup {
  readonly partner: TestPartner;
  readonly database: { name: string; url: string };
  readonly dataSource: DataSource;
  readonly topicPattern: string;
  /** Environment of the delivery app (for in-process and child-process starts alike). */
  readonly env: NodeJS.ProcessEnv;
  /** Path prefix of an organisation on the test partner (`/regional/actiris/`). */
  pathOf(organisationId: string): string;
  /** The signing secret of an organisation (to sign requests the way delivery does). */
  secretOf(organisationId: string): WebhookSecret;
  close(): Promise<void>;
}

/** Fast schedule for tests: retries after 100 ms, 200 ms, 300 ms... no jitter. */
export const QUICK_SCHEDULE = { delays: ['0s', '100ms', '200ms', '300ms', '400ms'], jitter: 0 };

/** Builds the partner endpoint, the directory, a contract folder, a fresh database and topics. */
export async function createDeliveryTestSetup(options: {
  organisations: readonly TestOrganisation[];
  defaults?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}): Promise<DeliveryTestSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'rtw-delivery-'));
  const secrets = new Map<string, { text: string; parsed: WebhookSecret }>();
  const pathOf = (id: string) => `/${id.replace(':', '/')}/`;
  for (const organisation of options.organisations) {
    const text = generateWebhookSecret();
    secrets.set(organisation.id, { text, parsed: parseWebhookSecret(text) as WebhookSecret });
    writeFileSync(join(dir, `${organisation.id.replace(':', '-')}.secret`), text);
  }
  const partner = await startTestPartner(
    Object.fromEntries(
      options.organisations.map((o) => [pathOf(o.id), [secrets.get(o.id)!.parsed]]),
    ),
  );
  const directory = {
    environment: 'development',
    defaults: options.defaults ?? {},
    organisations: options.organisations.map((organisation) => ({
      id: organisation.id,
      partner: organisation.partner,
      name: `Test ${organisation.id}`,
      endpoint: `${partner.baseUrl}${pathOf(organisation.id)}messages`,
      signingSecrets: [`file:${organisation.id.replace(':', '-')}.secret`],
      ...(organisation.limits ? { limits: organisation.limits } : {}),
      ...(organisation.retrySchedule ? { retrySchedule: organisation.retrySchedule } : {}),
    })),
  };
  writeFileSync(join(dir, 'partners.json'), JSON.stringify(directory));
  mkdirSync(join(dir, 'schemas'));
  writeFileSync(
    join(dir, 'schemas', 'referral.schema.json'),
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: TEST_CONTRACT,
      type: 'object',
      required: ['form', 'sequence'],
      properties: { form: { type: 'string' }, sequence: { type: 'integer' } },
      additionalProperties: false,
    }),
  );
  const database = await createFreshDatabase();
  const dataSource = await createDataSource({ url: database.url, poolSize: 3 }).initialize();
  const topicPattern = `test.delivery-${randomUUID().slice(0, 8)}.outbound.{partner}.v1`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '8',
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_TOPIC_PARTITIONS: '2',
    BACKGROUND_RETRY_MAX_MS: '1000',
    TEST_CLOCK_CONTROL: 'true',
    DELIVERY_PARTNERS_FILE: join(dir, 'partners.json'),
    DELIVERY_PARTNER_SCHEMAS_DIR: join(dir, 'schemas'),
    DELIVERY_OUTBOUND_TOPIC_PATTERN: topicPattern,
    DELIVERY_GROUP_ID: uniqueGroupId('delivery'),
    DELIVERY_POLL_INTERVAL_MS: '100',
    DELIVERY_LEASE_MARGIN_MS: '1000',
    ...options.env,
  };
  return {
    partner,
    database,
    dataSource,
    topicPattern,
    env,
    pathOf,
    secretOf: (id) => secrets.get(id)!.parsed,
    close: async () => {
      await partner.close();
      await dataSource.destroy();
      await dropDatabase(database.name);
    },
  };
}

/** A delivery app running in the test process. */
export interface RunningDelivery {
  readonly app: INestApplication;
  readonly url: string;
  readonly clock: OffsetClock;
  close(): Promise<void>;
}

const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

/** Starts the delivery app in-process on a free port and waits until intake and dispatcher run. */
export async function startDelivery(
  setup: DeliveryTestSetup,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningDelivery> {
  const config = readConfig(DELIVERY_APP, { ...setup.env, ...env });
  if (!config) throw new Error('delivery test configuration refused');
  const app = await createHubApp(
    DELIVERY_APP,
    config,
    createLogger({
      app: 'delivery-test',
      ...(process.env['DELIVERY_TEST_LOGS'] ? {} : { destination: quiet }),
    }),
  );
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  await waitForReady(url, {
    components: ['delivery-intake', 'delivery-dispatcher'],
    timeoutMs: 90_000,
  });
  return { app, url, clock: app.get<OffsetClock>(HUB_CLOCK), close: () => app.close() };
}

/** What a test message says; everything has a sensible default. */
export interface TestMessage {
  readonly organisationId: string;
  readonly partner: Partner;
  readonly dossierId?: string;
  readonly id?: string;
  readonly body?: string;
  readonly bodyRef?: { store: string; id: string };
  readonly contract?: string;
  readonly contentType?: 'application/json' | 'application/xml';
  readonly referralId?: string;
  readonly sequence?: number;
}

/** A `be.rtw.partner-message.prepared` event as a connector would publish it. */
export function preparedMessage(message: TestMessage): CloudEvent<PreparedMessageData> {
  const [kind, code] = message.organisationId.split(':') as [
    PreparedMessageData['organisation']['kind'],
    string,
  ];
  const body = message.body ?? JSON.stringify({ form: 'test', sequence: message.sequence ?? 0 });
  return {
    specversion: '1.0',
    id: message.id ?? randomUUID(),
    source: 'urn:rtw:org:hub',
    type: 'be.rtw.partner-message.prepared',
    subject: message.dossierId ?? randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: 'urn:rtw:schema:be.rtw.partner-message.prepared:v1',
    insurer: '100',
    correlationid: randomUUID(),
    data: {
      partner: message.partner,
      organisation: { kind, code },
      messageType: 'test-referral',
      contract: message.contract ?? TEST_CONTRACT,
      contentType: message.contentType ?? 'application/json',
      ...(message.bodyRef ? { bodyRef: message.bodyRef } : { body }),
      ...(message.referralId ? { referralId: message.referralId } : {}),
      causationId: randomUUID(),
    },
  };
}

/** Publishes prepared messages on the setup's outbound topics, in order. */
export async function publishPrepared(
  setup: DeliveryTestSetup,
  events: readonly CloudEvent<PreparedMessageData>[],
): Promise<void> {
  const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
  for (const event of events) {
    const topic = outboundTopic(setup.topicPattern, event.data.partner);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), toKafkaMessage(event)]);
  }
  for (const [topic, messages] of byTopic) await produceTestMessages(topic, messages);
}

/** The queue row of a message (status, attempts, reason), or undefined. */
export async function messageRow(
  setup: DeliveryTestSetup,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const [row] = (await setup.dataSource.query(
    `SELECT "status", "attempts", "round_attempts", "replays", "reason_code", "last_error_code",
            "next_attempt_at", "last_http_status"
     FROM "delivery_messages" WHERE "id" = $1`,
    [id],
  )) as Array<Record<string, unknown>>;
  return row;
}

/** Waits until every message has the status. */
export async function waitForStatus(
  setup: DeliveryTestSetup,
  ids: readonly string[],
  status: string,
  timeoutMs = 30_000,
): Promise<void> {
  await waitUntil(
    async () => {
      const rows: Array<{ count: string }> = await setup.dataSource.query(
        `SELECT count(*) AS "count" FROM "delivery_messages" WHERE "id" = ANY($1) AND "status" = $2`,
        [ids, status],
      );
      return Number(rows[0]?.count) === ids.length;
    },
    `${ids.length} message(s) ${status}`,
    timeoutMs,
  );
}

/** Waits until a message has made at least `attempts` attempts. */
export async function waitForAttempts(
  setup: DeliveryTestSetup,
  id: string,
  attempts: number,
  timeoutMs = 30_000,
): Promise<void> {
  await waitUntil(
    async () => Number((await messageRow(setup, id))?.['attempts'] ?? 0) >= attempts,
    `message with ${attempts} attempt(s)`,
    timeoutMs,
  );
}

/** A receipt as read back from `rtw.delivery.receipts.v1`. */
export interface ReadReceipt {
  readonly type: string;
  readonly dataschema: string;
  readonly subject: string;
  readonly data: Record<string, unknown>;
}

/**
 * Reads `rtw.delivery.receipts.v1` from the beginning until a receipt of each given message id
 * arrived (other tests' receipts are skipped); rejects naming the missing count after the timeout.
 */
export async function receiptsFor(
  messageIds: readonly string[],
  timeoutMs = 30_000,
): Promise<Map<string, ReadReceipt>> {
  const { TOPICS, fromKafkaMessage } = await import('@rtw/messaging');
  const { testKafka, deleteTestGroups } = await import('@rtw/testing');
  const wanted = new Set(messageIds);
  const found = new Map<string, ReadReceipt>();
  const groupId = uniqueGroupId('receipts');
  const consumer = testKafka().consumer({ groupId });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPICS.deliveryReceipts], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`receipts: ${found.size} of ${wanted.size} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer
        .run({
          eachMessage: async ({ message }) => {
            const event = fromKafkaMessage<Record<string, unknown>>(message);
            const id = String(event.data['messageId']);
            if (!wanted.has(id)) return;
            found.set(id, {
              type: event.type,
              dataschema: event.dataschema ?? '',
              subject: event.subject,
              data: event.data,
            });
            if (found.size === wanted.size) resolve();
          },
        })
        .catch(reject);
    });
    return found;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    await deleteTestGroups([groupId]);
  }
}

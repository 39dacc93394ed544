import {
  Injectable,
  Module,
  type INestApplication,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Writable } from 'node:stream';
import { toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import { OutboxWriter } from '@rtw/persistence';
import { createLogger } from '@rtw/platform';
import {
  committedOffsets,
  consumeN,
  createTestTopics,
  deleteTestTopics,
  produceTestMessages,
  testDatabaseUrl,
  testDossierEvent,
  uniqueGroupId,
  uniqueTopic,
} from '@rtw/testing';
import { createHubApp, readConfig } from './bootstrap/run-hub-app';
import { DatabaseConnection } from './database/database.connection';
import { KafkaConnection } from './kafka/kafka.connection';
import { OutboxRelayHost } from './outbox/outbox-relay.host';

const source = uniqueTopic('runtime-consumed');
const target = uniqueTopic('runtime-relayed');
const groupId = uniqueGroupId('runtime-host');
const handled: string[] = [];
let releaseSlowHandler: () => void = () => undefined;
let slowHandlerStarted: () => void = () => undefined;
const thirdRecordInFlight = new Promise<void>((resolve) => (slowHandlerStarted = resolve));

/** A feature that consumes one topic (the handler of the third record waits for a signal) and relays its outbox. */
@Injectable()
class HostedWork implements OnApplicationBootstrap {
  constructor(
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelayHost,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start({ pollIntervalMs: 100 });
    this.kafka.consume({
      groupId,
      topics: [source],
      handler: async (event: CloudEvent) => {
        if (handled.length === 2) {
          const release = new Promise<void>((resolve) => (releaseSlowHandler = resolve));
          slowHandlerStarted();
          await release;
        }
        handled.push(event.id);
      },
    });
  }
}

@Module({ providers: [HostedWork] })
class HostedWorkModule {}

const quietLogs = new Writable({ write: (_chunk, _encoding, done) => done() });

async function startApp(): Promise<INestApplication> {
  const definition = {
    app: 'runtime-hosting-test',
    feature: HostedWorkModule,
    port: { key: 'P', default: 0 },
  };
  const config = readConfig(definition, {
    DATABASE_URL: testDatabaseUrl(),
    KAFKA_TOPIC_PARTITIONS: '1',
  });
  if (!config) throw new Error('configuration refused');
  const app = await createHubApp(
    definition,
    config,
    createLogger({ app: 'test', destination: quietLogs }),
  );
  await app.init();
  return app;
}

describe('work hosted by the runtime', () => {
  beforeAll(() =>
    createTestTopics({ topic: source, partitions: 1 }, { topic: target, partitions: 1 }),
  );
  afterAll(() => deleteTestTopics([source, target]));

  it('stops a consumer gracefully: the record in flight is finished and committed before the process closes', async () => {
    const app = await startApp();
    const events = [1, 2, 3].map(() => testDossierEvent());
    await produceTestMessages(
      source,
      events.map((event) => toKafkaMessage(event)),
    );
    await thirdRecordInFlight;

    const closing = app.close();
    releaseSlowHandler();
    await closing;

    expect(handled).toEqual(events.map((event) => event.id));
    const offsets = await committedOffsets(groupId, source);
    expect(offsets.get(0)).toBe('3');
  });

  it('relays committed outbox rows to Kafka', async () => {
    const app = await startApp();
    try {
      const event = testDossierEvent();
      const message = toKafkaMessage(event);
      const dataSource = app.get(DatabaseConnection).dataSource;
      await app.get(DatabaseConnection).ready();
      await dataSource.transaction((manager) =>
        new OutboxWriter().add(manager, [{ topic: target, ...message }]),
      );
      const [record] = await consumeN(target, 1);
      expect(record?.key?.toString()).toBe(event.subject);
    } finally {
      await app.close();
    }
  });
});

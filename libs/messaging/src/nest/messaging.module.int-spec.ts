import { Test } from '@nestjs/testing';
import {
  captureLogger,
  consumeN,
  deleteTestTopics,
  kafkaBrokers,
  testDossierEvent,
  uniqueTopic,
  withAdmin,
} from '@rtw/testing';
import { fromKafkaMessage } from '../cloudevents/cloud-event.binding';
import { publishEvents, type Publisher } from '../producer/publisher.port';
import { KafkaPublisher } from '../producer/kafka.publisher';
import { buildTopology } from '../topology/topology.config';
import { MessagingModule } from './messaging.module';
import { PUBLISHER } from './messaging.tokens';

describe('MessagingModule in a Nest app on the real broker', () => {
  const prefix = uniqueTopic('module');
  const topology = buildTopology({ partitions: 2 })
    .slice(0, 2)
    .map((spec) => ({ ...spec, name: `${prefix}.${spec.name}` }));

  afterAll(() => deleteTestTopics(topology.map((spec) => spec.name)));

  it('creates the topology at start, publishes through the PUBLISHER port and disconnects at close', async () => {
    const { logger, lines } = captureLogger();
    const moduleRef = await Test.createTestingModule({
      imports: [
        MessagingModule.forRoot({
          brokers: kafkaBrokers(),
          clientId: 'module-test',
          logger,
          topology,
          replicationFactor: 1,
        }),
      ],
    }).compile();
    const app = await moduleRef.init();
    const topic = topology[0]!.name;
    const event = testDossierEvent();

    await publishEvents(app.get<Publisher>(PUBLISHER), topic, [event]);
    const [record] = await consumeN(topic, 1);
    const publisher = app.get(KafkaPublisher);
    await app.close();

    expect(await withAdmin((admin) => admin.listTopics())).toEqual(
      expect.arrayContaining(topology.map((spec) => spec.name)),
    );
    expect(lines.find((l) => l.message === 'Kafka topics ensured')?.fields['created']).toEqual(
      topology.map((spec) => spec.name),
    );
    expect(fromKafkaMessage(record!)).toEqual(event);
    expect(app.get(PUBLISHER)).toBe(publisher);
    expect(publisher.isConnected()).toBe(false);
  });
});

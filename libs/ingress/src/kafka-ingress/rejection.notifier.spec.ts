import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { ContractRegistry } from '@rtw/contracts';
import { CloudEventInvalidError, InMemoryBus, describeFailure } from '@rtw/messaging';
import { captureLogger } from '@rtw/testing';
import { IngressRejectedError } from './ingress-rejected.error';
import { DEFAULT_INGRESS_TOPIC_PATTERN } from './ingress.topics';
import { createRejectionNotifier } from './rejection.notifier';
import { UNKNOWN_DOSSIER } from './rejection-event.builder';

/** A record as the consumer runtime hands it to its dead-letter hook. */
function deadLettered(args: {
  topic: string;
  headers: Record<string, string>;
  key: string;
  error: unknown;
}) {
  const message: KafkaMessage = {
    key: Buffer.from(args.key),
    value: Buffer.from('{}'),
    headers: args.headers,
    offset: '7',
    timestamp: '0',
    attributes: 0,
  };
  return {
    topic: args.topic,
    partition: 1,
    message,
    error: args.error,
    failure: describeFailure(args.error),
    attempts: 1,
  };
}

function setup() {
  const bus = new InMemoryBus();
  const { lines, logger } = captureLogger();
  const notify = createRejectionNotifier({
    publisher: bus.publisher(),
    topicPattern: DEFAULT_INGRESS_TOPIC_PATTERN,
    logger,
  });
  return { bus, lines, notify };
}

describe('the rejection notifier (dead-letter hook of the Kafka ingress)', () => {
  const contracts = ContractRegistry.load();

  it('tells the insurer with a contract-valid rejection event carrying the refusal and its pointer', async () => {
    const { bus, notify } = setup();
    const dossierId = randomUUID();
    const refusal = {
      code: 'NISS_INVALID' as const,
      message: 'NISS or BIS number has invalid check digits or birth date',
      pointer: '/data/insured/niss',
    };

    await notify(
      deadLettered({
        topic: 'rtw.ingress.300.v1',
        headers: { ce_id: 'evt-1', ce_type: 'be.rtw.dossier.opened' },
        key: dossierId,
        error: new IngressRejectedError(refusal),
      }),
    );

    const [notice] = bus.events('rtw.notify.300.v1');
    expect(notice).toMatchObject({
      type: 'be.rtw.event.rejected',
      subject: dossierId,
      insurer: '300',
      source: 'urn:rtw:org:hub',
    });
    expect(notice?.data).toEqual({
      rejectedEventId: 'evt-1',
      rejectedEventType: 'be.rtw.dossier.opened',
      reasonCode: 'NISS_INVALID',
      message: refusal.message,
      pointer: refusal.pointer,
    });
    expect(contracts.validateEvent({ ...notice })).toMatchObject({ ok: true });
  });

  it('uses the dead-letter code for a record refused before the handler, with the same id each time', async () => {
    const { bus, notify } = setup();
    const record = deadLettered({
      topic: 'rtw.ingress.100.v1',
      headers: { ce_type: 'be.rtw.contact.held' },
      key: 'not-a-uuid',
      error: new CloudEventInvalidError('CloudEvent data is not valid JSON'),
    });

    await notify(record);
    await notify(record);

    const notices = bus.events('rtw.notify.100.v1');
    const expected = {
      rejectedEventId: 'kafka-1-7',
      rejectedEventType: 'be.rtw.contact.held',
      reasonCode: 'CLOUDEVENT_INVALID',
      message: 'CloudEvent data is not valid JSON',
    };
    expect(notices.map((n) => n.data)).toEqual([expected, expected]);
    expect(notices[0]!.id).toBe(notices[1]!.id);
    expect(notices[0]!.subject).toBe(UNKNOWN_DOSSIER);
  });

  it('sends no notice for a record whose type is unreadable, and says so in the log', async () => {
    const { bus, lines, notify } = setup();

    await notify(
      deadLettered({ topic: 'rtw.ingress.100.v1', headers: {}, key: 'k', error: new Error('x') }),
    );

    expect(bus.records('rtw.notify.100.v1')).toHaveLength(0);
    expect(lines.map((line) => line.level)).toEqual(['warn']);
  });

  it('sends no notice for a dead letter of a topic that is not an insurer ingress topic', async () => {
    const { bus, lines, notify } = setup();

    await notify(
      deadLettered({
        topic: 'rtw.inbound.events.v1',
        headers: { ce_type: 'be.rtw.contact.held' },
        key: randomUUID(),
        error: new Error('x'),
      }),
    );

    expect(bus.events('rtw.notify.100.v1')).toHaveLength(0);
    expect(lines.map((line) => line.level)).toEqual(['warn']);
  });
});

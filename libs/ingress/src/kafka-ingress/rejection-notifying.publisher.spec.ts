import { randomUUID } from 'node:crypto';
import { ContractRegistry } from '@rtw/contracts';
import { InMemoryBus, buildDeadLetterMessage, describeFailure } from '@rtw/messaging';
import { captureLogger } from '@rtw/testing';
import { IngressRejectedError } from './ingress-rejected.error';
import { DEFAULT_INGRESS_TOPIC_PATTERN } from './ingress.topics';
import { RefusalMemo } from './refusal.memo';
import { UNKNOWN_DOSSIER } from './rejection-event.builder';
import { RejectionNotifyingPublisher } from './rejection-notifying.publisher';

function deadLetter(topic: string, headers: Record<string, string>, key: string, error: Error) {
  const message = {
    key: Buffer.from(key),
    value: Buffer.from('{}'),
    headers,
    offset: '7',
    timestamp: '0',
    attributes: 0,
  };
  return buildDeadLetterMessage({
    topic,
    partition: 1,
    message,
    groupId: 'g',
    failure: describeFailure(error),
    attempts: 1,
    failedAt: new Date(),
  });
}

describe('RejectionNotifyingPublisher', () => {
  const contracts = ContractRegistry.load();

  it('writes the dead letter, then a contract-valid rejection event with the remembered pointer to the insurer', async () => {
    const bus = new InMemoryBus();
    const refusals = new RefusalMemo();
    const publisher = new RejectionNotifyingPublisher(bus.publisher(), {
      topicPattern: DEFAULT_INGRESS_TOPIC_PATTERN,
      refusals,
      logger: captureLogger().logger,
    });
    const dossierId = randomUUID();
    const refusal = {
      code: 'NISS_INVALID' as const,
      message: 'NISS or BIS number has invalid check digits or birth date',
      pointer: '/data/insured/niss',
    };
    refusals.remember({ topic: 'rtw.ingress.300.v1', partition: 1, offset: '7' }, refusal);

    const dlq = deadLetter(
      'rtw.ingress.300.v1',
      { ce_id: 'evt-1', ce_type: 'be.rtw.dossier.opened' },
      dossierId,
      new IngressRejectedError(refusal),
    );
    await publisher.publish('rtw.ingress.300.v1.dlq', [dlq]);

    expect(bus.records('rtw.ingress.300.v1.dlq')).toHaveLength(1);
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

  it('falls back to the dead-letter code for records refused before the handler, with a stable id', async () => {
    const bus = new InMemoryBus();
    const publisher = new RejectionNotifyingPublisher(bus.publisher(), {
      topicPattern: DEFAULT_INGRESS_TOPIC_PATTERN,
      refusals: new RefusalMemo(),
      logger: captureLogger().logger,
    });
    const failure = Object.assign(
      new IngressRejectedError({ code: 'MALFORMED_JSON', message: 'not JSON' }),
      {},
    );
    const dlq = deadLetter(
      'rtw.ingress.100.v1',
      { ce_type: 'be.rtw.contact.held' },
      'not-a-uuid',
      failure,
    );

    await publisher.publish('rtw.ingress.100.v1.dlq', [dlq]);
    await publisher.publish('rtw.ingress.100.v1.dlq', [dlq]);

    const notices = bus.events('rtw.notify.100.v1');
    expect(notices.map((n) => n.data)).toEqual([
      {
        rejectedEventId: 'kafka-1-7',
        rejectedEventType: 'be.rtw.contact.held',
        reasonCode: 'MALFORMED_JSON',
        message: 'not JSON',
      },
      {
        rejectedEventId: 'kafka-1-7',
        rejectedEventType: 'be.rtw.contact.held',
        reasonCode: 'MALFORMED_JSON',
        message: 'not JSON',
      },
    ]);
    expect(notices[0]!.id).toBe(notices[1]!.id);
    expect(notices[0]!.subject).toBe(UNKNOWN_DOSSIER);
    expect(contracts.validateEvent({ ...notices[0] })).toMatchObject({ ok: true });
  });

  it('sends no notice for a record whose type is unreadable, and says so in the log', async () => {
    const bus = new InMemoryBus();
    const { lines, logger } = captureLogger();
    const publisher = new RejectionNotifyingPublisher(bus.publisher(), {
      topicPattern: DEFAULT_INGRESS_TOPIC_PATTERN,
      refusals: new RefusalMemo(),
      logger,
    });
    await publisher.publish('rtw.ingress.100.v1.dlq', [
      deadLetter('rtw.ingress.100.v1', {}, 'k', new Error('x')),
    ]);
    expect(bus.records('rtw.notify.100.v1')).toHaveLength(0);
    expect(lines.map((line) => line.level)).toEqual(['warn']);
  });
});

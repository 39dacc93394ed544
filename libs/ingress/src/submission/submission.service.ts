import type { Refusal } from '../errors/ingress.error';
import type { Organisation } from '../organisations/organisation.types';
import { payloadHash } from '../idempotency/payload.hash';
import type { EventFacts } from '../validation/event-facts';
import type { EventJudge } from '../validation/event.judge';
import type { Channel, ItemOutcome, SubmissionItem, SubmissionStore } from './submission.types';

/**
 * The submission pipeline shared by HTTP and Kafka: judge every candidate on its own, then
 * record the lot durably in one transaction. Resolves once the accepted events are committed to
 * the outbox, which is what makes `202 Accepted` (or a Kafka commit) safe to answer.
 */
export class SubmissionService {
  constructor(
    private readonly judge: EventJudge,
    private readonly store: SubmissionStore,
  ) {}

  async submit(
    organisation: Organisation,
    channel: Channel,
    candidates: readonly unknown[],
  ): Promise<ItemOutcome[]> {
    const items: SubmissionItem[] = [];
    for (const candidate of candidates) {
      const judgement = await this.judge.judge(organisation, candidate);
      items.push(
        judgement.ok
          ? {
              verdict: 'accept',
              event: judgement.event,
              hash: payloadHash(judgement.event),
              facts: judgement.facts,
            }
          : { verdict: 'refuse', refusal: judgement.refusal, facts: judgement.facts },
      );
    }
    return this.store.record({ organisation, channel, items });
  }

  /** Records an event refused before it could be judged (e.g. a forbidden key in a Kafka record). */
  async refuse(
    organisation: Organisation,
    channel: Channel,
    facts: EventFacts,
    refusal: Refusal,
  ): Promise<void> {
    await this.store.record({
      organisation,
      channel,
      items: [{ verdict: 'refuse', refusal, facts }],
    });
  }
}

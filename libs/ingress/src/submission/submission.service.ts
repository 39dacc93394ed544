import type { CanonicalEvent } from '@rtw/contracts';
import type { Refusal } from '../errors/ingress.error';
import type { Organisation } from '../organisations/organisation.types';
import { payloadHash } from '../idempotency/payload.hash';
import { factsOf, type EventFacts } from '../validation/event-facts';
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

  /**
   * An event sent again after it was accepted: recorded as a duplicate (same payload, no second
   * outbox message) or refused as IDEMPOTENCY_CONFLICT, without judging it again. Its right to
   * publish was judged when it was accepted and may have lapsed since (a partner's link to a
   * dossier ends with its final answer), yet a re-sent message must get the answer the first one
   * got. Resolves undefined when the event was never accepted: judge it with submit().
   * Relies on idempotency records outliving publishers' retries (ADR 0021).
   */
  async resubmission(
    organisation: Organisation,
    channel: Channel,
    event: CanonicalEvent,
  ): Promise<ItemOutcome | undefined> {
    if (event.source !== organisation.source) return undefined;
    if ((await this.store.acceptedHash(event.source, event.id)) === undefined) return undefined;
    const [outcome] = await this.store.record({
      organisation,
      channel,
      items: [{ verdict: 'accept', event, hash: payloadHash(event), facts: factsOf(event) }],
    });
    return outcome;
  }
}

import type { CanonicalEvent, ContractRegistry } from '@rtw/contracts';
import type { PublishAuthoriser } from '../authorisation/publish.authoriser';
import { IngressError, refusalOf, type Refusal } from '../errors/ingress.error';
import type { ReasonCode } from '../errors/reason.codes';
import type { Organisation } from '../organisations/organisation.types';
import { factsOf, type EventFacts } from './event-facts';
import { refusalOfIssue } from './validation-issue.mapper';

/** The verdict on one event: accepted for recording, or refused with a reason. */
export type Judgement =
  | { readonly ok: true; readonly event: CanonicalEvent; readonly facts: EventFacts }
  | { readonly ok: false; readonly refusal: Refusal; readonly facts: EventFacts };

// Refusals about one event; any other error (the database) is about the whole request.
const EVENT_LEVEL = new Set<ReasonCode>([
  'SOURCE_MISMATCH',
  'EVENT_TYPE_NOT_ALLOWED',
  'INSURER_MISMATCH',
  'DOSSIER_NOT_REFERRED',
]);

/**
 * Judges one candidate event on its own: its contract (envelope, type and version, data), then
 * the caller's right to publish it. The first fault found is reported.
 */
export class EventJudge {
  constructor(
    private readonly contracts: ContractRegistry,
    private readonly authoriser: PublishAuthoriser,
  ) {}

  async judge(organisation: Organisation, candidate: unknown): Promise<Judgement> {
    const facts = factsOf(candidate);
    const validation = this.contracts.validateEvent(candidate);
    if (!validation.ok) return { ok: false, refusal: refusalOfIssue(validation.errors[0]!), facts };
    try {
      await this.authoriser.authorise(organisation, validation.event);
    } catch (error) {
      if (error instanceof IngressError && EVENT_LEVEL.has(error.code))
        return { ok: false, refusal: refusalOf(error), facts };
      throw error;
    }
    return { ok: true, event: validation.event, facts };
  }
}

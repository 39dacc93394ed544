import type { CanonicalEvent } from '@rtw/contracts';
import type { Refusal } from '../errors/ingress.error';
import type { Organisation } from '../organisations/organisation.types';
import type { EventFacts } from '../validation/event-facts';

/** How a submission reached the gateway. */
export type Channel = 'http' | 'kafka';

/** One judged event on its way to the store, in submission order. */
export type SubmissionItem =
  | {
      readonly verdict: 'accept';
      readonly event: CanonicalEvent;
      readonly hash: string;
      readonly facts: EventFacts;
    }
  | { readonly verdict: 'refuse'; readonly refusal: Refusal; readonly facts: EventFacts };

/** A set of judged events from one caller, recorded in one transaction. */
export interface Submission {
  readonly organisation: Organisation;
  readonly channel: Channel;
  readonly items: readonly SubmissionItem[];
}

/**
 * What became of one event: `accepted` (recorded now), `duplicate` (the same payload under the
 * same source and id was accepted before: answered as accepted, flagged as a replay) or
 * `rejected`.
 */
export type ItemOutcome =
  | { readonly outcome: 'accepted'; readonly facts: EventFacts }
  | { readonly outcome: 'duplicate'; readonly facts: EventFacts }
  | { readonly outcome: 'rejected'; readonly facts: EventFacts; readonly refusal: Refusal };

/**
 * Records a submission durably: for each accepted event its idempotency record, its outbox
 * message and its audit row; for each refused one its audit row. All in one transaction, or
 * nothing (then it throws DATABASE_UNAVAILABLE).
 */
export interface SubmissionStore {
  record(submission: Submission): Promise<ItemOutcome[]>;
  /** The payload hash an event (source + id) was accepted with; undefined if it never was. */
  acceptedHash(source: string, id: string): Promise<string | undefined>;
}

import type { ItemOutcome, ReasonCode } from '@rtw/ingress';
import { statusOf } from './reason-status.map';

/** A response to send: status, body, headers. */
export interface ApiResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** The reason code when the whole answer is a refusal (for the access log and metrics). */
  code?: ReasonCode;
}

/** Header telling the client that an accepted answer repeats an earlier one (ADR 0021). */
export const REPLAY_HEADER = 'Idempotent-Replay';

/**
 * One event: 202 once recorded (the same 202 with `Idempotent-Replay: true` for a duplicate),
 * otherwise the refusal with the status of its code.
 */
export function singleEventResponse(outcome: ItemOutcome): ApiResponse {
  if (outcome.outcome === 'rejected') {
    return {
      status: statusOf(outcome.refusal.code),
      body: outcome.refusal,
      headers: {},
      code: outcome.refusal.code,
    };
  }
  const headers: Record<string, string> =
    outcome.outcome === 'duplicate' ? { [REPLAY_HEADER]: 'true' } : {};
  return { status: 202, body: { id: outcome.facts.id, status: 'accepted' }, headers };
}

/**
 * A batch: 200 with one result per event in request order; each result carries the status the
 * event would have had alone. When every event was a duplicate, the whole answer is a replay.
 */
export function batchResponse(outcomes: readonly ItemOutcome[]): ApiResponse {
  const results = outcomes.map((outcome, index) => {
    if (outcome.outcome === 'rejected')
      return {
        index,
        id: outcome.facts.id,
        outcome: 'rejected',
        status: statusOf(outcome.refusal.code),
        ...outcome.refusal,
      };
    return { index, id: outcome.facts.id, outcome: outcome.outcome, status: 202 };
  });
  const count = (what: ItemOutcome['outcome']) =>
    outcomes.filter((outcome) => outcome.outcome === what).length;
  const allReplays = count('duplicate') === outcomes.length;
  return {
    status: 200,
    body: {
      accepted: count('accepted'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
      results,
    },
    headers: allReplays ? { [REPLAY_HEADER]: 'true' } : {},
  };
}

/**
 * A partner answer: like one event (202 once recorded, the same 202 with `Idempotent-Replay:
 * true` for a re-sent answer, a refusal otherwise), and the body also says which answer it was
 * and which canonical event it became, so the partner can follow it with `GET /v1/events/{id}`.
 */
export function partnerAnswerResponse(result: {
  outcome: ItemOutcome;
  answerId: string;
  type: string;
}): ApiResponse {
  const answer = singleEventResponse(result.outcome);
  if (result.outcome.outcome === 'rejected') return answer;
  return {
    ...answer,
    body: { ...(answer.body as object), type: result.type, answerId: result.answerId },
  };
}

import type { DossierEvent } from '../events/dossier-event.types';
import type { RejectionCode } from './rejection.codes';
import { type RuleId, TRAJECTORY_RULES } from './rule.catalogue';

/** Why an event was refused; the message never carries personal data. */
export interface Rejection {
  readonly accepted: false;
  readonly code: RejectionCode;
  /** The rule that refused it (TRAJECTORY_RULES), for support and the timeline. */
  readonly rule: RuleId;
  readonly message: string;
}

/** The decider's answer: the events to append, or a rejection. */
export type Decision =
  { readonly accepted: true; readonly events: readonly DossierEvent[] } | Rejection;

/** A rejection by one rule, with the rule's sentence or a more precise (data-free) message. */
export function reject(rule: RuleId, message: string = TRAJECTORY_RULES[rule].text): Rejection {
  return { accepted: false, code: TRAJECTORY_RULES[rule].code, rule, message };
}

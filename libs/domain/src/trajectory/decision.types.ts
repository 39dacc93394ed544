import type { DossierEvent } from '../events/dossier-event.types';
import { REJECTION_CODES, type RejectionCode } from './rejection.codes';

/** Why an event was refused; the message never carries personal data. */
export interface Rejection {
  readonly accepted: false;
  readonly code: RejectionCode;
  readonly message: string;
}

/** The decider's answer: the events to append, or a rejection. */
export type Decision =
  { readonly accepted: true; readonly events: readonly DossierEvent[] } | Rejection;

/** A rejection with the code's standard explanation, or a more precise (data-free) message. */
export function reject(code: RejectionCode, message: string = REJECTION_CODES[code]): Rejection {
  return { accepted: false, code, message };
}

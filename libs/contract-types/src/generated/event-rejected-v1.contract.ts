// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { HumanText } from './common.types';

/** Event rejected (hub): The hub rejected an event; sent back to the publisher, never silently dropped. */
export interface EventRejectedV1 {
  /** Rejected event id: The id attribute of the rejected event. */
  rejectedEventId: string;
  /** Rejected event type: The type attribute of the rejected event. */
  rejectedEventType: string;
  /** Reason code: Stable machine-readable reason, e.g. SCHEMA_REQUIRED or TRANSITION_NOT_ALLOWED. */
  reasonCode: string;
  /** Pointer: JSON pointer of the offending field in the rejected event, when one field is at fault. */
  pointer?: string;
  /** Message: Plain-words explanation; never repeats field values, so it holds no personal data. */
  message: HumanText;
}

/** A be.rtw.event.rejected event, contract version 1. */
export interface EventRejectedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.event.rejected';
  dataschema: 'urn:rtw:schema:be.rtw.event.rejected:v1';
  data: EventRejectedV1;
}

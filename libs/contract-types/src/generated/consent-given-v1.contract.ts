// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { HumanText, IsoDate } from './common.types';

/** Consent given: The insured gave express written consent; the tracker refuses exchanges with a recipient without it. */
export interface ConsentGivenV1 {
  /** Scope: What the consent covers: processing of the dossier, or exchanges with a given recipient. */
  scope: 'data-processing' | 'cpmt' | 'regional-service' | 'treating-physician' | 'other';
  /** Written on: Date of the written consent. */
  writtenOn: IsoDate;
  /** Other recipient: Kind of recipient when scope is other (an organisation, not a person's name). Free text: may hold personal data, so connectors pass it on only where the recipient needs it. Personal data: free-text. */
  otherRecipient?: HumanText;
}

/** A be.rtw.consent.given event, contract version 1. */
export interface ConsentGivenV1Event extends CanonicalEnvelope {
  type: 'be.rtw.consent.given';
  dataschema: 'urn:rtw:schema:be.rtw.consent.given:v1';
  data: ConsentGivenV1;
}

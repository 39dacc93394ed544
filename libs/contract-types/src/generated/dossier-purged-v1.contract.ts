// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Dossier purged (hub): The retention period of the dossier ended and the hub erased its data. Every app that keeps a copy of the dossier (connector views, monitor timelines) deletes it on this event; nothing about the dossier may be sent afterwards. */
export interface DossierPurgedV1 {
  /** Purged on: Day the hub erased the dossier. */
  purgedOn: IsoDate;
  /** Reason: Why the dossier was erased: its retention period (3 years from 1 January after the incapacity file closed) ended. */
  reason: 'retention-ended';
}

/** A be.rtw.dossier.purged event, contract version 1. */
export interface DossierPurgedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.dossier.purged';
  dataschema: 'urn:rtw:schema:be.rtw.dossier.purged:v1';
  data: DossierPurgedV1;
}

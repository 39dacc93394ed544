import type { DataOf, EventOf } from './dossier-event.types';

/** What a written consent covers; `data-processing`, `cpmt` and `regional-service` gate referrals. */
export type ConsentScope = DataOf<'be.rtw.consent.given'>['scope'];
/** `be.rtw.consent.given`: the insured's express written consent for one scope. */
export type ConsentGiven = EventOf<'be.rtw.consent.given'>;
/** `be.rtw.consent.withdrawn`: consent for one scope withdrawn. */
export type ConsentWithdrawn = EventOf<'be.rtw.consent.withdrawn'>;

import type { DomainEvent } from './domain-event.types';

/** What a written consent covers; `cpmt` and `regional-service` gate referrals. */
export type ConsentScope =
  'data-processing' | 'cpmt' | 'regional-service' | 'treating-physician' | 'other';

/** `be.rtw.consent.given`: the insured's express written consent for one scope. */
export type ConsentGiven = DomainEvent<
  'be.rtw.consent.given',
  { readonly scope: ConsentScope; readonly writtenOn: string }
>;

/** `be.rtw.consent.withdrawn`: consent for one scope withdrawn. */
export type ConsentWithdrawn = DomainEvent<
  'be.rtw.consent.withdrawn',
  { readonly scope: ConsentScope; readonly withdrawnOn: string }
>;

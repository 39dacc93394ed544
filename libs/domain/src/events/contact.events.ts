import type { DomainEvent } from './domain-event.types';

/** Kind of contact moment. */
export type ContactKind = 'first' | 'follow-up' | 'plan';

/** `be.rtw.contact.scheduled`: the coordinator plans a contact moment. */
export type ContactScheduled = DomainEvent<
  'be.rtw.contact.scheduled',
  {
    readonly contactId: string;
    readonly scheduledOn: string;
    readonly kind: ContactKind;
    readonly mode: 'in-person' | 'phone' | 'video';
  }
>;

/** `be.rtw.contact.held`: a scheduled contact moment took place. */
export type ContactHeld = DomainEvent<
  'be.rtw.contact.held',
  { readonly contactId: string; readonly heldOn: string }
>;

/** `be.rtw.contact.missed`: the insured did not come; unjustified absence may reduce allowances. */
export type ContactMissed = DomainEvent<
  'be.rtw.contact.missed',
  { readonly contactId: string; readonly missedOn: string; readonly justified: boolean }
>;

/** `be.rtw.allowance.reduced`: allowance cut (2.5 %) after an unjustified absence. */
export type AllowanceReduced = DomainEvent<
  'be.rtw.allowance.reduced',
  {
    readonly rate: number;
    readonly effectiveFrom: string;
    readonly cause: 'unjustified-absence-examination' | 'unjustified-absence-first-contact';
  }
>;

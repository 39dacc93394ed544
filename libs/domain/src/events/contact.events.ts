import type { DataOf, EventOf } from './dossier-event.types';

/** Kind of contact moment. */
export type ContactKind = DataOf<'be.rtw.contact.scheduled'>['kind'];
/** `be.rtw.contact.scheduled`: the coordinator plans a contact moment. */
export type ContactScheduled = EventOf<'be.rtw.contact.scheduled'>;
/** `be.rtw.contact.held`: a scheduled contact moment took place. */
export type ContactHeld = EventOf<'be.rtw.contact.held'>;
/** `be.rtw.contact.missed`: the insured did not come; unjustified absence may reduce allowances. */
export type ContactMissed = EventOf<'be.rtw.contact.missed'>;
/** `be.rtw.allowance.reduced`: allowance cut (2.5 %) after an unjustified absence. */
export type AllowanceReduced = EventOf<'be.rtw.allowance.reduced'>;
/** The absence that caused a reduction. */
export type ReductionCause = DataOf<'be.rtw.allowance.reduced'>['cause'];

import type { CanonicalEventOfType, EventType } from '@rtw/contract-types';
import type { DeepReadonly, DomainEvent } from './domain-event.types';

/**
 * Event types the hub produces itself (rejections, legal-clock and delivery notices, the INAMI
 * dataset reminder): outputs of the tracker, delivery and the INAMI evaluation, never inputs that
 * change a dossier.
 */
export type HubEventType =
  | 'be.rtw.event.rejected'
  | 'be.rtw.partner-message.prepared'
  | 'be.rtw.partner-message.withheld'
  | 'be.rtw.dossier.purged'
  | 'be.rtw.deadline.due-soon'
  | 'be.rtw.deadline.missed'
  | 'be.rtw.delivery.succeeded'
  | 'be.rtw.delivery.failed'
  | 'be.rtw.inami-dataset.due';

// Fails to compile when a hub type above is renamed or removed from the contracts.
type IsTrue<TValue extends true> = TValue;
type _HubTypesAreContracts = IsTrue<HubEventType extends EventType ? true : false>;

/**
 * The `type` of every canonical event that changes a dossier: every contract in
 * schemas/canonical except the hub's own. A new contract joins this union by itself, and the
 * state machine's complete tables then fail to compile until it is handled (ADR 0045).
 */
export type DossierEventType = Exclude<EventType, HubEventType>;

/**
 * The `data` of an event type as the domain reads it: the generated contract data of every
 * version of that type (a union when the type has several), read-only. A consumer of a type
 * handles all its versions, because replays bring back events written years ago (ADR 0011).
 */
export type DataOf<TType extends DossierEventType> = DeepReadonly<
  CanonicalEventOfType<TType>['data']
>;

/** The dossier event with the given type. */
export type EventOf<TType extends DossierEventType> = DomainEvent<TType, DataOf<TType>>;

/** Every canonical event that changes a dossier, discriminated on `type`. */
export type DossierEvent = { [TType in DossierEventType]: EventOf<TType> }[DossierEventType];

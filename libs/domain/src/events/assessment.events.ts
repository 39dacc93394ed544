import type { DomainEvent } from './domain-event.types';

/** `be.rtw.questionnaire.sent`: sent in week 11 of incapacity, due two weeks later. */
export type QuestionnaireSent = DomainEvent<
  'be.rtw.questionnaire.sent',
  { readonly sentOn: string; readonly dueOn: string }
>;

/** Why no questionnaire is sent. */
export type QuestionnaireExemption =
  | 'medical'
  | 'cpmt-trajectory-running'
  | 'authorised-work'
  | 'trat-at-own-request'
  | 'near-pension-age';

/** `be.rtw.questionnaire.exempted`: the insured need not fill in the questionnaire. */
export type QuestionnaireExempted = DomainEvent<
  'be.rtw.questionnaire.exempted',
  { readonly reason: QuestionnaireExemption; readonly decidedOn: string }
>;

/** `be.rtw.questionnaire.returned`: asking for a trajectory here starts route B. */
export type QuestionnaireReturned = DomainEvent<
  'be.rtw.questionnaire.returned',
  {
    readonly receivedOn: string;
    readonly complete: boolean;
    readonly returnToWorkRequested: boolean;
  }
>;

/**
 * `be.rtw.capacity.assessed`: category 1-4 of the estimate of remaining capacities. Typed as a
 * number because a schema's integer range generates `number`; the decider checks the range.
 */
export type CapacityAssessed = DomainEvent<
  'be.rtw.capacity.assessed',
  { readonly category: number; readonly assessedOn: string }
>;

/** `be.rtw.routeb.requested`: the insured asks for a trajectory (route B). */
export type RouteBRequested = DomainEvent<
  'be.rtw.routeb.requested',
  { readonly requestedOn: string }
>;

/** `be.rtw.routeb.decided`: the médecin-conseil accepts or refuses the request. */
export type RouteBDecided = DomainEvent<
  'be.rtw.routeb.decided',
  { readonly decision: 'accepted' | 'refused'; readonly decidedOn: string }
>;

/** `be.rtw.coordinator.referred`: route A, the médecin-conseil refers to the coordinator. */
export type CoordinatorReferred = DomainEvent<
  'be.rtw.coordinator.referred',
  { readonly referredOn: string }
>;

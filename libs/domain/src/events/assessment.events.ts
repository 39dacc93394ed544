import type { DataOf, EventOf } from './dossier-event.types';

/** `be.rtw.questionnaire.sent`: sent in week 11 of incapacity, due two weeks later. */
export type QuestionnaireSent = EventOf<'be.rtw.questionnaire.sent'>;
/** `be.rtw.questionnaire.exempted`: the insured need not fill in the questionnaire. */
export type QuestionnaireExempted = EventOf<'be.rtw.questionnaire.exempted'>;
/** Why no questionnaire is sent. */
export type QuestionnaireExemption = DataOf<'be.rtw.questionnaire.exempted'>['reason'];
/** `be.rtw.questionnaire.returned`: asking for a trajectory here starts route B. */
export type QuestionnaireReturned = EventOf<'be.rtw.questionnaire.returned'>;
/**
 * `be.rtw.capacity.assessed`: category 1-4 of the estimate of remaining capacities. The schema's
 * integer range generates `number`; the decider still checks the range.
 */
export type CapacityAssessed = EventOf<'be.rtw.capacity.assessed'>;
/** `be.rtw.routeb.requested`: the insured asks for a trajectory (route B). */
export type RouteBRequested = EventOf<'be.rtw.routeb.requested'>;
/** `be.rtw.routeb.decided`: the médecin-conseil accepts or refuses the request. */
export type RouteBDecided = EventOf<'be.rtw.routeb.decided'>;
/** `be.rtw.coordinator.referred`: route A, the médecin-conseil refers to the coordinator. */
export type CoordinatorReferred = EventOf<'be.rtw.coordinator.referred'>;

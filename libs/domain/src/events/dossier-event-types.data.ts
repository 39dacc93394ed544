import type { DossierEventType } from './dossier-event.types';

// Written out as a record so the compiler fails when a type is added to the union but not here.
const TYPES: Readonly<Record<DossierEventType, true>> = {
  'be.rtw.dossier.opened': true,
  'be.rtw.dossier.updated': true,
  'be.rtw.dossier.closed': true,
  'be.rtw.incapacity.ended': true,
  'be.rtw.work.resumed': true,
  'be.rtw.trajectory.closed': true,
  'be.rtw.questionnaire.sent': true,
  'be.rtw.questionnaire.exempted': true,
  'be.rtw.questionnaire.returned': true,
  'be.rtw.capacity.assessed': true,
  'be.rtw.routeb.requested': true,
  'be.rtw.routeb.decided': true,
  'be.rtw.coordinator.referred': true,
  'be.rtw.contact.scheduled': true,
  'be.rtw.contact.held': true,
  'be.rtw.contact.missed': true,
  'be.rtw.examination.missed': true,
  'be.rtw.allowance.reduced': true,
  'be.rtw.allowance.reduction.ended': true,
  'be.rtw.consent.given': true,
  'be.rtw.consent.withdrawn': true,
  'be.rtw.cpmt.referral.requested': true,
  'be.rtw.cpmt.referral.accepted': true,
  'be.rtw.cpmt.referral.rejected': true,
  'be.rtw.cpmt.visit.held': true,
  'be.rtw.cpmt.trajectory.started': true,
  'be.rtw.cpmt.assessment.decided': true,
  'be.rtw.cpmt.trajectory.ended': true,
  'be.rtw.ami.launched': true,
  'be.rtw.ami.suspended': true,
  'be.rtw.ami.resumed': true,
  'be.rtw.plan.drafted': true,
  'be.rtw.plan.reviewed': true,
  'be.rtw.plan.evaluated': true,
  'be.rtw.regional.referral.requested': true,
  'be.rtw.regional.registration.acknowledged': true,
  'be.rtw.regional.registration.rejected': true,
  'be.rtw.regional.insured.presented': true,
  'be.rtw.regional.trajectory.started': true,
  'be.rtw.regional.trajectory.ended': true,
};

/** Every dossier event type the state machine consumes. */
export const DOSSIER_EVENT_TYPES: readonly DossierEventType[] = Object.keys(
  TYPES,
) as DossierEventType[];

/** True when `type` is an event type the state machine consumes. */
export function isDossierEventType(type: string): type is DossierEventType {
  return Object.hasOwn(TYPES, type);
}

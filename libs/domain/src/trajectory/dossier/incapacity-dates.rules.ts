import type { DataOf, DossierEvent, DossierEventType } from '../../events/dossier-event.types';
import type { Rejection } from '../decision.types';
import { rejectIfBefore } from '../shared/date-order';
import type { TrajectoryState } from '../trajectory.state';

/** The names of the string fields of an event type's data (its dates among them). */
type StringFieldOf<TType extends DossierEventType> = {
  [TKey in keyof DataOf<TType>]-?: DataOf<TType>[TKey] extends string ? TKey : never;
}[keyof DataOf<TType>] &
  string;

type DateFields = { readonly [TType in DossierEventType]?: StringFieldOf<TType> };

/**
 * The date field of each step that cannot precede the incapacity it is about. Consents and
 * partner answers are left out: they follow their own earlier steps (referral, request), checked
 * there.
 */
export const INCAPACITY_DATED: DateFields = {
  'be.rtw.questionnaire.sent': 'sentOn',
  'be.rtw.questionnaire.exempted': 'decidedOn',
  'be.rtw.questionnaire.returned': 'receivedOn',
  'be.rtw.capacity.assessed': 'assessedOn',
  'be.rtw.routeb.requested': 'requestedOn',
  'be.rtw.coordinator.referred': 'referredOn',
  'be.rtw.contact.scheduled': 'scheduledOn',
  'be.rtw.examination.missed': 'missedOn',
  'be.rtw.allowance.reduced': 'effectiveFrom',
  'be.rtw.ami.launched': 'launchedOn',
  'be.rtw.work.resumed': 'resumedOn',
  'be.rtw.incapacity.ended': 'endedOn',
  'be.rtw.trajectory.closed': 'closedOn',
  'be.rtw.dossier.closed': 'closedOn',
};

/** Refuses a step dated before the incapacity started (the dossier's first date). */
export function incapacityDateRejection(
  state: TrajectoryState,
  event: DossierEvent,
): Rejection | undefined {
  const field = INCAPACITY_DATED[event.type];
  if (field === undefined) return undefined;
  const date = (event.data as Readonly<Record<string, unknown>>)[field];
  return typeof date === 'string'
    ? rejectIfBefore('date.not-before-incapacity-start', date, state.incapacity?.startDate)
    : undefined;
}

import type { DataOf } from '../../events/dossier-event.types';
import { reject } from '../decision.types';
import type { TrajectoryPolicy } from '../policy/trajectory-policy.data';
import { rejectIfBefore } from '../shared/date-order';
import type { GuardTable } from '../shared/handler.types';
import { entryOf } from '../shared/records.util';
import type { TrajectoryState } from '../trajectory.state';

/** A scheduled contact moment gets one outcome (held or missed), not before its date. */
function rejectIfNoOutcomePossible(state: TrajectoryState, contactId: string, on: string) {
  const contact = entryOf(state.contacts, contactId);
  if (contact === undefined) return reject('contact.outcome-needs-schedule');
  if (contact.status !== 'scheduled') return reject('contact.outcome-once');
  return rejectIfBefore('contact.outcome-not-before-date', on, contact.scheduledOn);
}

const SELF_EMPLOYED = new Set(['self-employed', 'helping-spouse']);

function rejectIfRateNotAllowed(state: TrajectoryState, rate: number, policy: TrajectoryPolicy) {
  const { ratePercent, selfEmployedMaxRatePercent } = policy.allowanceReduction;
  const allowed = SELF_EMPLOYED.has(state.scheme ?? '')
    ? rate > 0 && rate <= selfEmployedMaxRatePercent
    : rate === ratePercent;
  return allowed ? undefined : reject('reduction.rate-of-scheme');
}

function rejectIfNotApplicable(state: TrajectoryState, policy: TrajectoryPolicy) {
  const start = state.incapacity?.startDate;
  return start !== undefined && start >= policy.allowanceReduction.fromIncapacityStart
    ? undefined
    : reject('reduction.incapacity-from-2023');
}

/** The dates of the unjustified absences that may cause a reduction with this cause. */
function unjustifiedAbsences(
  state: TrajectoryState,
  cause: DataOf<'be.rtw.allowance.reduced'>['cause'],
): string[] {
  if (cause === 'unjustified-absence-examination') {
    return Object.values(state.examinations)
      .filter((examination) => !examination.justified)
      .map((examination) => examination.missedOn);
  }
  return Object.values(state.contacts)
    .filter((c) => c.kind === 'first' && c.status === 'missed' && c.justified === false)
    .flatMap((c) => (c.on === undefined ? [] : [c.on]));
}

/**
 * The cause must be an unjustified absence on or before the reduction's first day that caused no
 * earlier reduction, i.e. dated after the start of the previous one (unless that one was annulled).
 */
function rejectIfNoAbsence(state: TrajectoryState, data: DataOf<'be.rtw.allowance.reduced'>) {
  const previous = state.allowanceReduction;
  const usedUntil = previous && !previous.annulled ? previous.effectiveFrom : undefined;
  const usable = unjustifiedAbsences(state, data.cause).some(
    (on) => on <= data.effectiveFrom && (usedUntil === undefined || on > usedUntil),
  );
  return usable ? undefined : reject('reduction.needs-unjustified-absence');
}

/** Business rules of contact moments, missed examinations and allowance reductions. */
export const contactGuards = {
  'be.rtw.contact.scheduled': (state, { data }) => {
    const contact = entryOf(state.contacts, data.contactId);
    // Rescheduling a planned moment is fine; one that took place gets no new date.
    return contact === undefined || contact.status === 'scheduled'
      ? undefined
      : reject('contact.outcome-once', 'The contact moment took place; plan a new one.');
  },
  'be.rtw.contact.held': (state, { data }) =>
    rejectIfNoOutcomePossible(state, data.contactId, data.heldOn),
  'be.rtw.contact.missed': (state, { data }) =>
    rejectIfNoOutcomePossible(state, data.contactId, data.missedOn),
  'be.rtw.allowance.reduced': (state, { data }, { policy }) =>
    rejectIfNotApplicable(state, policy) ??
    rejectIfRateNotAllowed(state, data.rate, policy) ??
    (state.allowanceReduction !== undefined && state.allowanceReduction.endedOn === undefined
      ? reject('reduction.one-at-a-time')
      : undefined) ??
    rejectIfNoAbsence(state, data),
  'be.rtw.allowance.reduction.ended': (state, { data }) => {
    const reduction = state.allowanceReduction;
    if (reduction === undefined || reduction.endedOn !== undefined) {
      return reject('reduction.end-needs-running');
    }
    return rejectIfBefore('reduction.end-not-before-start', data.endedOn, reduction.effectiveFrom);
  },
} satisfies GuardTable;

import type { DossierEventType } from '../events/dossier-event.types';
import type { DeadlineRule } from './deadline-rule.types';

/** Where the rules come from. */
export const LEGAL_CALENDAR_SOURCE =
  'docs DOMAIN.md section 3 (timeline and legal clocks); RD 12 March 2023 art. 25/10 for the ' +
  'self-employed plan; retention per the law of 12 Jan 2023 art. 110. Counting: ADR 0010; ' +
  'start, fulfilment and cancellation events: ADR 0048.';

// Terms that count the start day itself as day 1 (incapacity start, 1 January) end one day
// earlier than terms that run from an act, hence the `days: -1` below (ADR 0010).

// The end of the trajectory, of the dossier or of the incapacity makes every obligation lapse but
// the retention of the dossier's data (for the self-employed clock the end of the trajectory is
// its fulfilment). Cancellations that depend on an event's content, such as a withdrawn consent
// cancelling the clocks of its recipient, are the tracker's (ADR 0048).
const DOSSIER_ENDS: readonly DossierEventType[] = [
  'be.rtw.dossier.closed',
  'be.rtw.incapacity.ended',
];
const TRAJECTORY_ENDS: readonly DossierEventType[] = ['be.rtw.trajectory.closed', ...DOSSIER_ENDS];

// No clock for missed examinations, allowance reductions or their end: the sources give the
// reduction (2.5 %, from 2023) but no term for it, and the first-contact clocks below are met
// only by a contact moment held, not by one missed (the coordinator invites again).

/** Every deadline of the legal calendar the hub tracks. */
export const LEGAL_CALENDAR: readonly DeadlineRule[] = [
  {
    id: 'questionnaire-send',
    startEvent: 'be.rtw.dossier.opened',
    startField: 'data.incapacity.startDate',
    offset: { days: 70 },
    fulfilledBy: ['be.rtw.questionnaire.sent'],
    cancelledBy: ['be.rtw.questionnaire.exempted', ...TRAJECTORY_ENDS],
    description: 'Questionnaire sent on the first day of week 11 of incapacity, unless exempted.',
  },
  {
    id: 'questionnaire-return',
    startEvent: 'be.rtw.questionnaire.sent',
    startField: 'data.sentOn',
    offset: { weeks: 2 },
    fulfilledBy: ['be.rtw.questionnaire.returned'],
    cancelledBy: ['be.rtw.questionnaire.exempted', ...TRAJECTORY_ENDS],
    description:
      'Questionnaire returned within 2 weeks; otherwise the coordinator contacts and helps.',
  },
  {
    id: 'capacity-first-estimate',
    startEvent: 'be.rtw.dossier.opened',
    startField: 'data.incapacity.startDate',
    opensAfter: { months: 3 },
    offset: { months: 4, days: -1 },
    fulfilledBy: ['be.rtw.capacity.assessed'],
    cancelledBy: TRAJECTORY_ENDS,
    description: 'First estimate of remaining capacities during the 4th month of incapacity.',
  },
  {
    id: 'contact-first-route-a',
    startEvent: 'be.rtw.coordinator.referred',
    startField: 'data.referredOn',
    offset: { months: 1 },
    fulfilledBy: ['be.rtw.contact.held'],
    cancelledBy: TRAJECTORY_ENDS,
    description:
      'First contact moment within 1 month of the referral to the coordinator (route A).',
  },
  {
    id: 'contact-first-route-b',
    startEvent: 'be.rtw.questionnaire.returned',
    startField: 'data.receivedOn',
    when: [
      { path: 'data.complete', equals: true },
      { path: 'data.returnToWorkRequested', equals: true },
    ],
    offset: { months: 1 },
    fulfilledBy: ['be.rtw.contact.held'],
    cancelledBy: TRAJECTORY_ENDS,
    description:
      'First contact moment within 1 month of a completed questionnaire asking for a trajectory (route B).',
  },
  {
    id: 'contact-after-route-b-refusal',
    startEvent: 'be.rtw.routeb.decided',
    startField: 'data.decidedOn',
    when: [{ path: 'data.decision', equals: 'refused' }],
    offset: { months: 1 },
    fulfilledBy: ['be.rtw.contact.held'],
    cancelledBy: TRAJECTORY_ENDS,
    // The text counts from the previous contact moment; the refusal is the fact the hub sees.
    description:
      'New contact moment within the month after the médecin-conseil refused a route-B request.',
  },
  {
    id: 'ami-follow-up-interview',
    startEvent: 'be.rtw.ami.launched',
    startField: 'data.launchedOn',
    offset: { months: 1 },
    fulfilledBy: ['be.rtw.contact.held', 'be.rtw.plan.drafted'],
    cancelledBy: TRAJECTORY_ENDS,
    description: 'Follow-up interview within 1 month of the AMI launch, to draw up the plan.',
  },
  {
    id: 'plan-follow-up',
    startEvent: 'be.rtw.plan.drafted',
    startField: 'data.draftedOn',
    offset: { months: 3 },
    fulfilledBy: ['be.rtw.plan.reviewed', 'be.rtw.plan.evaluated'],
    cancelledBy: TRAJECTORY_ENDS,
    matchOn: 'data.planId',
    description: 'Plan followed up, in principle, 3 months after it was drawn up.',
  },
  {
    id: 'plan-follow-up-after-review',
    startEvent: 'be.rtw.plan.reviewed',
    startField: 'data.reviewedOn',
    offset: { months: 3 },
    fulfilledBy: ['be.rtw.plan.reviewed', 'be.rtw.plan.evaluated'],
    cancelledBy: TRAJECTORY_ENDS,
    matchOn: 'data.planId',
    description: 'Plan followed up again, in principle, every 3 months.',
  },
  {
    id: 'regional-actiris-presentation',
    startEvent: 'be.rtw.regional.referral.requested',
    startField: 'data.requestedOn',
    when: [{ path: 'data.service', equals: 'actiris' }],
    offset: { months: 3 },
    fulfilledBy: ['be.rtw.regional.insured.presented'],
    cancelledBy: ['be.rtw.regional.registration.rejected', ...TRAJECTORY_ENDS],
    matchOn: 'data.referralId',
    description: 'The insured presents the FIA at Actiris within 3 months.',
  },
  {
    id: 'cpmt-reintegration-assessment',
    startEvent: 'be.rtw.cpmt.trajectory.started',
    startField: 'data.startedOn',
    offset: { days: 49 },
    fulfilledBy: ['be.rtw.cpmt.assessment.decided'],
    cancelledBy: ['be.rtw.cpmt.trajectory.ended', ...TRAJECTORY_ENDS],
    matchOn: 'data.referralId',
    description: 'CPMT reintegration assessment (A, B or C) within 49 calendar days.',
    secondary: true,
  },
  {
    id: 'plan-self-employed-presumption',
    startEvent: 'be.rtw.plan.drafted',
    startField: 'data.draftedOn',
    schemes: ['self-employed', 'helping-spouse'],
    offset: { months: 6 },
    fulfilledBy: ['be.rtw.work.resumed', 'be.rtw.trajectory.closed'],
    cancelledBy: DOSSIER_ENDS,
    description:
      'Self-employed: presumption of continued incapacity ends at the latest 6 months after the plan.',
  },
  {
    id: 'retention-dossier-data',
    startEvent: 'be.rtw.incapacity.ended',
    startField: 'data.endedOn',
    anchor: 'next-january-first',
    offset: { months: 36, days: -1 },
    fulfilledBy: [],
    cancelledBy: [],
    description:
      'Dossier data kept 3 years from 1 January after the incapacity ended; erase after the due date.',
  },
];

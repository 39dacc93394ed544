import type { OrganisationKind } from '../organisations/organisation.types';

/**
 * Which kind of organisation may publish which event types: data, reviewed like data. Insurers
 * own the dossier and publish its life; partners publish only the answers of their own kind;
 * INAMI and support teams publish nothing through the gateway. Hub events (`event.rejected`,
 * `deadline.*`, `delivery.*`) are produced inside the hub and never accepted from outside.
 */
export const PUBLISH_MATRIX: Readonly<Record<OrganisationKind, readonly string[]>> = {
  insurer: [
    'be.rtw.dossier.opened',
    'be.rtw.dossier.updated',
    'be.rtw.dossier.closed',
    'be.rtw.incapacity.ended',
    'be.rtw.work.resumed',
    'be.rtw.trajectory.closed',
    'be.rtw.questionnaire.sent',
    'be.rtw.questionnaire.exempted',
    'be.rtw.questionnaire.returned',
    'be.rtw.capacity.assessed',
    'be.rtw.routeb.requested',
    'be.rtw.routeb.decided',
    'be.rtw.coordinator.referred',
    'be.rtw.contact.scheduled',
    'be.rtw.contact.held',
    'be.rtw.contact.missed',
    'be.rtw.examination.missed',
    'be.rtw.allowance.reduced',
    'be.rtw.allowance.reduction.ended',
    'be.rtw.consent.given',
    'be.rtw.consent.withdrawn',
    'be.rtw.cpmt.referral.requested',
    'be.rtw.ami.launched',
    'be.rtw.ami.suspended',
    'be.rtw.ami.resumed',
    'be.rtw.plan.drafted',
    'be.rtw.plan.reviewed',
    'be.rtw.plan.evaluated',
    'be.rtw.regional.referral.requested',
  ],
  cpmt: [
    'be.rtw.cpmt.referral.accepted',
    'be.rtw.cpmt.referral.rejected',
    'be.rtw.cpmt.visit.held',
    'be.rtw.cpmt.trajectory.started',
    'be.rtw.cpmt.assessment.decided',
    'be.rtw.cpmt.trajectory.ended',
  ],
  regional: [
    'be.rtw.regional.registration.acknowledged',
    'be.rtw.regional.registration.rejected',
    'be.rtw.regional.insured.presented',
    'be.rtw.regional.trajectory.started',
    'be.rtw.regional.trajectory.ended',
  ],
  inami: [],
  support: [],
};

/** Kinds that answer for dossiers referred to them, and are checked against the relation register. */
export const PARTNER_KINDS: ReadonlySet<OrganisationKind> = new Set(['cpmt', 'regional']);

import type {
  ConsentGivenV1,
  CpmtReferralRequestedV2,
  DossierOpenedV1,
  RegionalReferralRequestedV2,
} from '@rtw/contracts';

/** What a consent covers, as in `be.rtw.consent.given`. */
export type ConsentScope = ConsentGivenV1['scope'];

/**
 * The dossier as a connector sees it when it builds a partner message: the identity and facts the
 * tracker projects from `dossier.opened`/`dossier.updated`, and the consents given. Never health
 * data: the hub does not carry any.
 */
export interface PartnerDossierView {
  /** UUID of the return-to-work dossier (the CloudEvents subject). */
  readonly dossierId: string;
  /** Three-digit code of the insurer that owns the dossier. */
  readonly insurerCode: string;
  readonly insured: DossierOpenedV1['insured'];
  readonly scheme: DossierOpenedV1['scheme'];
  readonly employment: DossierOpenedV1['employment'];
  readonly incapacity: DossierOpenedV1['incapacity'];
  /** Date of the written consent in force, per scope; absent when none is in force. */
  readonly consents: Readonly<Partial<Record<ConsentScope, string>>>;
}

/** The return-to-work coordinator to contact: staff of the insurer, not the insured. */
export type CoordinatorContact = NonNullable<RegionalReferralRequestedV2['coordinator']>;

/** What the caller decides for one message: its id, its time, and dates it computed. */
export interface MessageContext {
  /** Hub message id, stable across retries (the partner's idempotency key). */
  readonly messageId: string;
  /** RFC 3339 date-time with offset. */
  readonly createdAt: string;
  /** Coordinator to name; defaults to the referral event's (v2) coordinator. */
  readonly coordinator?: CoordinatorContact;
  /** Actiris only: last day to present at Actiris (3 months after the FIA is handed over). */
  readonly presentationDeadline?: string;
}

/** Input of a regional referral message (Actiris FIA, VDAB AMF, Le Forem FIF, ADG IFA). */
export interface RegionalReferralInput {
  readonly dossier: PartnerDossierView;
  /** Data of `be.rtw.regional.referral.requested` (v1 data is valid v2 data). */
  readonly referral: RegionalReferralRequestedV2;
  readonly context: MessageContext;
}

/** Input of a CPMT referral message. */
export interface CpmtReferralInput {
  readonly dossier: PartnerDossierView;
  /** Data of `be.rtw.cpmt.referral.requested` (v1 data is valid v2 data). */
  readonly referral: CpmtReferralRequestedV2;
  readonly context: MessageContext;
}

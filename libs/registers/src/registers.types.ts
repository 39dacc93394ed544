/** A partner organisation as the registers know it. */
export interface PartnerRef {
  readonly kind: 'cpmt' | 'regional';
  /** Enterprise number of the prevention service, or the regional service id (`actiris`…). */
  readonly code: string;
}

/** What a consent covers; `cpmt` and `regional-service` gate exchanges with those partners. */
export type ConsentScope =
  'data-processing' | 'cpmt' | 'regional-service' | 'treating-physician' | 'other';

/** The consent scope that governs exchanges with a kind of partner. */
export const CONSENT_SCOPE_OF: Readonly<Record<PartnerRef['kind'], ConsentScope>> = {
  cpmt: 'cpmt',
  regional: 'regional-service',
};

/** A link between a dossier and a partner, from the referral until it ends. */
export interface DossierRelation {
  readonly dossierId: string;
  readonly partner: PartnerRef;
  readonly purpose: 'cpmt-referral' | 'regional-referral';
  readonly referralId: string;
  readonly startedAt: Date;
  readonly endedAt?: Date;
  readonly endReason?: RelationEndReason;
}

/** Why a link ended. */
export type RelationEndReason =
  | 'partner-rejected'
  | 'consent-withdrawn'
  | 'dossier-closed'
  | 'trajectory-ended'
  | 'retention-purged';

/** The latest consent decision for one scope of a dossier. */
export interface DossierConsent {
  readonly dossierId: string;
  readonly scope: ConsentScope;
  readonly status: 'given' | 'withdrawn';
  readonly givenOn?: string;
  readonly withdrawnOn?: string;
}

/** Why an exchange with a partner is not allowed now (stable codes: logs, dead letters, replay). */
export const EXCHANGE_REFUSALS = [
  'NOT_LINKED',
  'CONSENT_MISSING',
  'CONSENT_WITHDRAWN',
  'DATA_PROCESSING_WITHDRAWN',
] as const;
export type ExchangeRefusal = (typeof EXCHANGE_REFUSALS)[number];

/** The registers' answer to "may partner X receive or send data about dossier D now?". */
export type ExchangeVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: ExchangeRefusal };

/**
 * What the tracker's projection says about a dossier that others may read: its insurer and the
 * residence key (postal and NIS code only, no address) that decides the competent regional service.
 */
export interface DossierFacts {
  readonly dossierId: string;
  readonly insurer: string;
  readonly residence?: { readonly postalCode: string; readonly nisCode?: string };
}

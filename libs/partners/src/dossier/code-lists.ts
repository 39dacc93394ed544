import type { DossierOpenedV1, RegionalReferralRequestedV2 } from '@rtw/contracts';

/** Canonical social security scheme. */
export type Scheme = DossierOpenedV1['scheme'];
/** Canonical incapacity phase. */
export type IncapacityPhase = DossierOpenedV1['incapacity']['phase'];
/** Canonical purpose of a regional referral. */
export type RegionalPurpose = RegionalReferralRequestedV2['purpose'];
/** Canonical sex code. */
export type Sex = DossierOpenedV1['insured']['sex'];

/** A code list of the canonical model translated into a partner's: every canonical code mapped. */
export type CodeList<Canonical extends string, Partner extends string> = Readonly<
  Record<Canonical, Partner>
>;

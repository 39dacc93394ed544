import { competentRegionalService, type RegionalServiceId } from '@rtw/domain';
import type { Refusal } from '@rtw/ingress';
import type { DossierFacts, DossierRelation, ExchangeVerdict, PartnerRef } from '@rtw/registers';

/** What the registers say about a partner, a dossier and the referral an answer names. */
export interface AnswerStanding {
  readonly partner: PartnerRef;
  readonly referralId: string;
  /** Every link of the dossier, current and ended (the registers' `relationsOf`). */
  readonly relations: readonly DossierRelation[];
  /** The registers' verdict on exchanging data about this referral now (consent included). */
  readonly exchange: ExchangeVerdict;
  /** The tracker's projection of the dossier; undefined when the hub has no such dossier. */
  readonly dossier: DossierFacts | undefined;
}

/**
 * Why this partner may not answer about this dossier and referral now, or undefined when it may.
 * The link comes first, so a partner never learns whether a dossier it has no link to exists:
 * no link at all, a link for other referrals only, a link that ended (refused, consent
 * withdrawn, closed), the insured's consent no longer in force; then the dossier itself, and for
 * a regional service its competence for the insured's residence (the insured may have moved).
 */
export function answerStandingRefusal(standing: AnswerStanding): Refusal | undefined {
  const { partner, referralId } = standing;
  const mine = standing.relations.filter(
    (relation) => relation.partner.kind === partner.kind && relation.partner.code === partner.code,
  );
  if (mine.length === 0)
    return refusal('DOSSIER_NOT_REFERRED', 'dossier is not referred to the caller');
  const forReferral = mine.filter((relation) => relation.referralId === referralId);
  if (forReferral.length === 0)
    return refusal(
      'REFERRAL_UNKNOWN',
      'the dossier was referred to the caller, but not under this referral reference',
    );
  if (forReferral.every((relation) => relation.endedAt !== undefined))
    return refusal(
      'REFERRAL_ENDED',
      'the link between the caller and this referral has ended; the hub takes no more answers for it',
    );
  if (!standing.exchange.allowed)
    return standing.exchange.reason === 'NOT_LINKED'
      ? refusal('REFERRAL_ENDED', 'the link between the caller and this referral has ended')
      : refusal(
          'CONSENT_NOT_IN_FORCE',
          "the insured's consent to exchanges with the caller is not in force",
        );
  if (!standing.dossier) return refusal('DOSSIER_UNKNOWN', 'the hub has no dossier with this id');
  if (partner.kind === 'regional') return competence(partner.code, standing.dossier);
  return undefined;
}

function competence(service: string, dossier: DossierFacts): Refusal | undefined {
  const competent = dossier.residence ? competentRegionalService(dossier.residence) : undefined;
  if (competent === (service as RegionalServiceId)) return undefined;
  return refusal(
    'PARTNER_NOT_COMPETENT',
    "the caller is not the regional service competent for the insured's residence",
  );
}

// No pointer: the references are where the answer names its dossier and referral, under the
// partner's own words; the message says which of the two is at fault.
function refusal(code: Refusal['code'], message: string): Refusal {
  return { code, message };
}

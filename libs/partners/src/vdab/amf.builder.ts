import type {
  CodeList,
  IncapacityPhase,
  RegionalPurpose,
  Scheme,
  Sex,
} from '../dossier/code-lists';
import type { RegionalReferralInput } from '../dossier/partner-dossier-view.types';
import {
  consentDate,
  coordinatorOf,
  defined,
  disabilityPartnerInvolved,
  requireCompetentService,
} from '../dossier/referral.checks';
import type { AmfV1 } from './amf.types';

const SEXES: CodeList<Sex, AmfV1['persoon']['geslacht']> = { M: 'M', F: 'V', X: 'X' };
const SCHEMES: CodeList<Scheme, AmfV1['stelsel']> = {
  salaried: 'werknemer',
  unemployed: 'werkloze',
  'self-employed': 'zelfstandige',
  'helping-spouse': 'meewerkende-echtgenoot',
};
const PHASES: CodeList<IncapacityPhase, AmfV1['arbeidsongeschiktheid']['fase']> = {
  primary: 'primaire-ongeschiktheid',
  invalidity: 'invaliditeit',
};
const PURPOSES: CodeList<RegionalPurpose, AmfV1['aanvraag']['doel']> = {
  registration: 'inschrijving',
  orientation: 'orientering',
  training: 'opleiding',
  'job-search-support': 'begeleiding-naar-werk',
};

/**
 * The AMF for a referral to VDAB, in Dutch: identity, scheme, whether there is an employment
 * contract (not the employer), incapacity phase and start, purpose and GTB involvement,
 * coordinator, consent date. VDAB works in Dutch, so no contact language travels.
 */
export function buildAmf({ dossier, referral, context }: RegionalReferralInput): AmfV1 {
  requireCompetentService('vdab', dossier);
  const gtb = disabilityPartnerInvolved('vdab', referral.disabilityPartner);
  const { insured } = dossier;
  const coordinator = coordinatorOf(context, referral.coordinator, dossier.dossierId);
  return {
    berichtId: context.messageId,
    aangemaaktOp: context.createdAt,
    referenties: {
      dossier: dossier.dossierId,
      aanvraag: referral.referralId,
      ziekenfonds: dossier.insurerCode,
    },
    persoon: {
      inss: insured.niss,
      naam: insured.lastName,
      voornaam: insured.firstName,
      geslacht: SEXES[insured.sex],
      geboortedatum: insured.birthDate,
      hoofdverblijfplaats: defined({
        straat: insured.residence.street,
        postcode: insured.residence.postalCode,
        gemeente: insured.residence.municipality,
        nisCode: insured.residence.nisCode,
      }),
    },
    stelsel: SCHEMES[dossier.scheme],
    tewerkstelling: { arbeidsovereenkomst: dossier.employment.hasContract },
    arbeidsongeschiktheid: {
      begindatum: dossier.incapacity.startDate,
      fase: PHASES[dossier.incapacity.phase],
    },
    aanvraag: defined({
      doel: PURPOSES[referral.purpose],
      aangevraagdOp: referral.requestedOn,
      gtbBetrokken: gtb || undefined,
    }),
    coordinator: defined({
      naam: coordinator.name,
      telefoon: coordinator.phone,
      email: coordinator.email,
    }),
    toestemming: { gegevenOp: consentDate(dossier, 'regional-service') },
  };
}

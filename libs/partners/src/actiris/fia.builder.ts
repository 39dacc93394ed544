import { PartnerError } from '../errors/partner.error';
import type { CodeList, IncapacityPhase, RegionalPurpose, Scheme } from '../dossier/code-lists';
import type { RegionalReferralInput } from '../dossier/partner-dossier-view.types';
import {
  consentDate,
  contactLanguage,
  coordinatorOf,
  defined,
  disabilityPartnerInvolved,
  requireCompetentService,
} from '../dossier/referral.checks';
import type { FiaV1 } from './fia.types';

const REGIMES: CodeList<Scheme, FiaV1['regime']> = {
  salaried: 'salarie',
  unemployed: 'chomeur',
  'self-employed': 'independant',
  'helping-spouse': 'conjoint-aidant',
};
const PHASES: CodeList<IncapacityPhase, FiaV1['incapacite']['phase']> = {
  primary: 'primaire',
  invalidity: 'invalidite',
};
const PURPOSES: CodeList<RegionalPurpose, FiaV1['demande']['objet']> = {
  registration: 'inscription',
  orientation: 'orientation',
  training: 'formation',
  'job-search-support': 'recherche-emploi',
};

/**
 * The FIA for a referral to Actiris: only the fields the FIA contract lists (identity, contact
 * language, scheme, incapacity phase and start, purpose, coordinator, consent date, presentation
 * deadline). No employer, no capacity category, no health data.
 */
export function buildFia({ dossier, referral, context }: RegionalReferralInput): FiaV1 {
  requireCompetentService('actiris', dossier);
  disabilityPartnerInvolved('actiris', referral.disabilityPartner);
  if (context.presentationDeadline === undefined) {
    throw new PartnerError({
      code: 'PARTNER_INPUT_INVALID',
      message: `FIA of dossier ${dossier.dossierId} needs the presentation deadline`,
      pointer: '/echeancePresentation',
    });
  }
  const { insured } = dossier;
  const coordinator = coordinatorOf(context, referral.coordinator, dossier.dossierId);
  return {
    identifiantMessage: context.messageId,
    creeLe: context.createdAt,
    references: {
      dossier: dossier.dossierId,
      demande: referral.referralId,
      organismeAssureur: dossier.insurerCode,
    },
    personne: {
      niss: insured.niss,
      nom: insured.lastName,
      prenom: insured.firstName,
      sexe: insured.sex,
      dateNaissance: insured.birthDate,
      langueContact: contactLanguage('actiris', referral.contactLanguage, insured.language) as
        'fr' | 'nl',
      residence: defined({
        rue: insured.residence.street,
        codePostal: insured.residence.postalCode,
        commune: insured.residence.municipality,
        codeINS: insured.residence.nisCode,
      }),
    },
    regime: REGIMES[dossier.scheme],
    incapacite: { debut: dossier.incapacity.startDate, phase: PHASES[dossier.incapacity.phase] },
    demande: { objet: PURPOSES[referral.purpose], demandeeLe: referral.requestedOn },
    coordinateur: defined({
      nom: coordinator.name,
      telephone: coordinator.phone,
      courriel: coordinator.email,
    }),
    consentement: { donneLe: consentDate(dossier, 'regional-service') },
    echeancePresentation: context.presentationDeadline,
  };
}

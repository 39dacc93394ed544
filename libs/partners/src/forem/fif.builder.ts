import type { CodeList, IncapacityPhase, RegionalPurpose, Scheme } from '../dossier/code-lists';
import type { RegionalReferralInput } from '../dossier/partner-dossier-view.types';
import {
  consentDate,
  coordinatorOf,
  defined,
  disabilityPartnerInvolved,
  requireCompetentService,
} from '../dossier/referral.checks';
import type { FifV1 } from './fif.types';

const REGIMES: CodeList<Scheme, FifV1['regime']> = {
  salaried: 'salarie',
  unemployed: 'chomeur',
  'self-employed': 'independant',
  'helping-spouse': 'conjoint-aidant',
};
const PHASES: CodeList<IncapacityPhase, FifV1['incapacite']['phase']> = {
  primary: 'primaire',
  invalidity: 'invalidite',
};
const PURPOSES: CodeList<RegionalPurpose, FifV1['demande']['objet']> = {
  registration: 'inscription',
  orientation: 'orientation',
  training: 'formation',
  'job-search-support': 'recherche-emploi',
};

/**
 * The FIF for a referral to Le Forem: identity, scheme, whether there is an employment contract
 * (not the employer), incapacity phase and start, purpose and AViQ involvement, coordinator,
 * consent date. Le Forem works in French, so no contact language travels.
 */
export function buildFif({ dossier, referral, context }: RegionalReferralInput): FifV1 {
  requireCompetentService('forem', dossier);
  const aviq = disabilityPartnerInvolved('forem', referral.disabilityPartner);
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
      residence: defined({
        rue: insured.residence.street,
        codePostal: insured.residence.postalCode,
        commune: insured.residence.municipality,
        codeINS: insured.residence.nisCode,
      }),
    },
    regime: REGIMES[dossier.scheme],
    emploi: { contratDeTravail: dossier.employment.hasContract },
    incapacite: { debut: dossier.incapacity.startDate, phase: PHASES[dossier.incapacity.phase] },
    demande: defined({
      objet: PURPOSES[referral.purpose],
      demandeeLe: referral.requestedOn,
      aviqImpliquee: aviq || undefined,
    }),
    coordinateur: defined({
      nom: coordinator.name,
      telephone: coordinator.phone,
      courriel: coordinator.email,
    }),
    consentement: { donneLe: consentDate(dossier, 'regional-service') },
  };
}

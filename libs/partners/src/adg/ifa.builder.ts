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
import type { IfaV1 } from './ifa.types';

const SEXES: CodeList<Sex, IfaV1['person']['geschlecht']> = { M: 'M', F: 'W', X: 'X' };
const SYSTEMS: CodeList<Scheme, IfaV1['system']> = {
  salaried: 'arbeitnehmer',
  unemployed: 'arbeitsloser',
  'self-employed': 'selbststaendiger',
  'helping-spouse': 'mithelfender-ehepartner',
};
const PHASES: CodeList<IncapacityPhase, IfaV1['arbeitsunfaehigkeit']['phase']> = {
  primary: 'primaere-arbeitsunfaehigkeit',
  invalidity: 'invaliditaet',
};
const PURPOSES: CodeList<RegionalPurpose, IfaV1['antrag']['zweck']> = {
  registration: 'anmeldung',
  orientation: 'orientierung',
  training: 'ausbildung',
  'job-search-support': 'begleitung-arbeitssuche',
};

/**
 * The IFA for a referral to ADG, in German: identity, scheme, whether there is an employment
 * contract (not the employer), incapacity phase and start, purpose, coordinator, consent date.
 * ADG works with no separate disability partner and in German, so neither travels.
 */
export function buildIfa({ dossier, referral, context }: RegionalReferralInput): IfaV1 {
  requireCompetentService('adg', dossier);
  disabilityPartnerInvolved('adg', referral.disabilityPartner);
  const { insured } = dossier;
  const coordinator = coordinatorOf(context, referral.coordinator, dossier.dossierId);
  return {
    nachrichtId: context.messageId,
    erstelltAm: context.createdAt,
    referenzen: {
      dossier: dossier.dossierId,
      antrag: referral.referralId,
      krankenkasse: dossier.insurerCode,
    },
    person: {
      enss: insured.niss,
      name: insured.lastName,
      vorname: insured.firstName,
      geschlecht: SEXES[insured.sex],
      geburtsdatum: insured.birthDate,
      hauptwohnsitz: defined({
        strasse: insured.residence.street,
        postleitzahl: insured.residence.postalCode,
        gemeinde: insured.residence.municipality,
        nisKode: insured.residence.nisCode,
      }),
    },
    system: SYSTEMS[dossier.scheme],
    beschaeftigung: { arbeitsvertrag: dossier.employment.hasContract },
    arbeitsunfaehigkeit: {
      beginn: dossier.incapacity.startDate,
      phase: PHASES[dossier.incapacity.phase],
    },
    antrag: { zweck: PURPOSES[referral.purpose], beantragtAm: referral.requestedOn },
    koordinator: defined({
      name: coordinator.name,
      telefon: coordinator.phone,
      email: coordinator.email,
    }),
    einwilligung: { erteiltAm: consentDate(dossier, 'regional-service') },
  };
}

// Test-only factories: a dossier view, referral events and a message context for every partner,
// with generated identifiers. Imported by *.spec.ts files only.
import type { CpmtReferralRequestedV2, RegionalReferralRequestedV2 } from '@rtw/contracts';
import { generateEnterpriseNumber, generateNiss } from '@rtw/testing';
import type {
  CpmtReferralInput,
  MessageContext,
  PartnerDossierView,
  RegionalReferralInput,
} from '../dossier/partner-dossier-view.types';

/** Residences in each service's territory (Flemish, Walloon, Brussels and German-speaking). */
export const RESIDENCES = {
  actiris: { street: 'Rue de l’Exemple 12', postalCode: '1030', municipality: 'Schaerbeek' },
  vdab: { postalCode: '9000', municipality: 'Gent', nisCode: '44021' },
  forem: { street: 'Rue du Modèle 7', postalCode: '5000', municipality: 'Namur' },
  adg: { postalCode: '4700', municipality: 'Eupen', nisCode: '63023' },
} as const;

/** A dossier view; override any top-level part. */
export function dossierView(overrides: Partial<PartnerDossierView> = {}): PartnerDossierView {
  return {
    dossierId: '3f6c2a1e-8b4d-4c7a-9e21-5d0f7b3a6c18',
    insurerCode: '300',
    insured: {
      niss: generateNiss({ birthDate: '1984-03-12', sex: 'F' }),
      lastName: 'Example',
      firstName: 'Amina',
      sex: 'F',
      birthDate: '1984-03-12',
      language: 'fr',
      residence: RESIDENCES.actiris,
    },
    scheme: 'unemployed',
    employment: { hasContract: false },
    incapacity: { startDate: '2026-01-05', phase: 'primary' },
    consents: { 'data-processing': '2026-02-01', 'regional-service': '2026-05-28' },
    ...overrides,
  };
}

/** A message context with a coordinator and the Actiris presentation deadline. */
export function messageContext(overrides: Partial<MessageContext> = {}): MessageContext {
  return {
    messageId: 'MSG-000101',
    createdAt: '2026-06-03T10:15:00+02:00',
    coordinator: { name: 'Coordinator Example', phone: '+32 2 555 01 23' },
    presentationDeadline: '2026-09-02',
    ...overrides,
  };
}

/** A regional referral to `service`, with the dossier living in its territory. */
export function regionalReferral(
  service: RegionalReferralRequestedV2['service'],
  overrides: {
    referral?: Partial<RegionalReferralRequestedV2>;
    dossier?: Partial<PartnerDossierView>;
    context?: Partial<MessageContext>;
  } = {},
): RegionalReferralInput {
  const base = dossierView();
  return {
    dossier: dossierView({
      insured: { ...base.insured, residence: RESIDENCES[service] },
      ...overrides.dossier,
    }),
    referral: {
      referralId: `REF-${service.toUpperCase()}-0042`,
      service,
      purpose: 'registration',
      requestedOn: '2026-06-02',
      ...overrides.referral,
    },
    context: messageContext(overrides.context),
  };
}

/** A CPMT referral for a salaried insured with a contract and CPMT consent. */
export function cpmtReferral(
  overrides: {
    referral?: Partial<CpmtReferralRequestedV2>;
    dossier?: Partial<PartnerDossierView>;
    context?: Partial<MessageContext>;
  } = {},
): CpmtReferralInput {
  const employer = generateEnterpriseNumber();
  return {
    dossier: dossierView({
      scheme: 'salaried',
      employment: {
        hasContract: true,
        employerEnterpriseNumber: employer,
        jobTitle: 'Warehouse operator',
      },
      consents: { 'data-processing': '2026-02-01', cpmt: '2026-05-06' },
      ...overrides.dossier,
    }),
    referral: {
      referralId: 'REF-CPMT-7781',
      preventionService: {
        enterpriseNumber: generateEnterpriseNumber(),
        name: 'Example prevention service',
      },
      employerEnterpriseNumber: employer,
      purpose: 'pre-reintegration-visit',
      requestedOn: '2026-05-08',
      ...overrides.referral,
    },
    context: messageContext(overrides.context),
  };
}

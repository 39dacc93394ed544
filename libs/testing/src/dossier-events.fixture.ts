// FOR TESTS ONLY: accepted dossier events as the tracker re-publishes them on
// rtw.dossier.events.v1 (CloudEvents with the insurer's source), about synthetic people: generated
// NISS, made-up names, residences in each regional service's territory.
import { randomBytes, randomUUID } from 'node:crypto';
import type { CloudEvent } from '@rtw/messaging';
import { generateEnterpriseNumber, generateNiss } from './niss.factory';

/** Residences in each regional service's territory. */
export const TEST_RESIDENCES = {
  /** Schaerbeek, Brussels: Actiris. */
  brussels: { street: 'Rue de l’Exemple 12', postalCode: '1030', municipality: 'Schaerbeek' },
  /** Ghent: VDAB. */
  ghent: { postalCode: '9000', municipality: 'Gent', nisCode: '44021' },
  /** Namur: Le Forem. */
  namur: { street: 'Rue du Modèle 7', postalCode: '5000', municipality: 'Namur' },
  /** Eupen: ADG. */
  eupen: { postalCode: '4700', municipality: 'Eupen', nisCode: '63023' },
  /** Malmedy: French-speaking, Le Forem. */
  malmedy: { postalCode: '4960', municipality: 'Malmedy' },
} as const;

/** The dossier and insurer an event is about. */
export interface DossierAddress {
  readonly dossierId: string;
  readonly insurer: string;
}

/** A fresh dossier address (insurer 300 unless given). */
export function newDossier(insurer = '300'): DossierAddress {
  return { dossierId: randomUUID(), insurer };
}

/** An accepted event of `type` (contract version `version`) about the dossier. */
export function acceptedEvent<T>(
  address: DossierAddress,
  type: string,
  data: T,
  version = 1,
): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: `urn:rtw:org:insurer:${address.insurer}`,
    type,
    subject: address.dossierId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: `urn:rtw:schema:${type}:v${version}`,
    insurer: address.insurer,
    correlationid: randomUUID(),
    traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
    data,
  };
}

type Residence = { postalCode: string; municipality: string; street?: string; nisCode?: string };

/** `be.rtw.dossier.opened`: an unemployed insured at the residence unless overridden. */
export function dossierOpened(
  address: DossierAddress,
  overrides: {
    residence?: Residence;
    language?: 'fr' | 'nl' | 'de';
    scheme?: string;
    employment?: Record<string, unknown>;
  } = {},
) {
  return acceptedEvent(address, 'be.rtw.dossier.opened', {
    insured: {
      niss: generateNiss({ birthDate: '1984-03-12', sex: 'F' }),
      lastName: 'Example',
      firstName: 'Amina',
      sex: 'F',
      birthDate: '1984-03-12',
      language: overrides.language ?? 'fr',
      residence: overrides.residence ?? TEST_RESIDENCES.brussels,
    },
    scheme: overrides.scheme ?? 'unemployed',
    employment: overrides.employment ?? { hasContract: false },
    incapacity: { startDate: '2026-01-05', phase: 'primary' },
  });
}

/** `be.rtw.consent.given` for a scope. */
export function consentGiven(address: DossierAddress, scope: string, writtenOn = '2026-05-28') {
  return acceptedEvent(address, 'be.rtw.consent.given', { scope, writtenOn });
}

/** `be.rtw.consent.withdrawn` for a scope. */
export function consentWithdrawn(
  address: DossierAddress,
  scope: string,
  withdrawnOn = '2026-06-01',
) {
  return acceptedEvent(address, 'be.rtw.consent.withdrawn', { scope, withdrawnOn });
}

/** `be.rtw.regional.referral.requested` v2 to a service, with a coordinator unless overridden. */
export function regionalReferralRequested(
  address: DossierAddress,
  service: 'actiris' | 'vdab' | 'forem' | 'adg',
  overrides: Record<string, unknown> = {},
) {
  return acceptedEvent(
    address,
    'be.rtw.regional.referral.requested',
    {
      referralId: `REF-${service.toUpperCase()}-${randomBytes(3).toString('hex')}`,
      service,
      purpose: 'registration',
      requestedOn: '2026-06-02',
      coordinator: { name: 'Coordinator Example', phone: '+32 2 555 01 23' },
      ...overrides,
    },
    2,
  );
}

/** `be.rtw.cpmt.referral.requested` v2 to a prevention service, for an employer. */
export function cpmtReferralRequested(
  address: DossierAddress,
  args: { preventionService: string; employer?: string; overrides?: Record<string, unknown> },
) {
  return acceptedEvent(
    address,
    'be.rtw.cpmt.referral.requested',
    {
      referralId: `REF-CPMT-${randomBytes(3).toString('hex')}`,
      preventionService: { enterpriseNumber: args.preventionService, name: 'Prevention service' },
      employerEnterpriseNumber: args.employer ?? generateEnterpriseNumber(),
      purpose: 'pre-reintegration-visit',
      requestedOn: '2026-05-08',
      coordinator: { name: 'Coordinator Example', email: 'coordinator@insurer.example' },
      ...args.overrides,
    },
    2,
  );
}

/** `be.rtw.dossier.purged`, as the tracker publishes it when retention ends (hub source). */
export function dossierPurged(address: DossierAddress) {
  return {
    ...acceptedEvent(address, 'be.rtw.dossier.purged', {
      purgedOn: '2030-01-01',
      reason: 'retention-ended',
    }),
    source: 'urn:rtw:org:hub',
  };
}

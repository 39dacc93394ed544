import { isKnownInsurer, isValidEnterpriseNumber } from '@rtw/domain';
import { ORGANISATION_KINDS, type OrganisationKind } from './organisation.types';

/** One organisation as written in the registry file. */
export interface OrganisationEntry {
  kind: OrganisationKind;
  code: string;
  /** JWKS file, relative to the registry file. */
  jwks?: string;
  certificateFingerprints?: string[];
}

const REGIONAL_SERVICES = new Set(['actiris', 'vdab', 'forem', 'adg']);
const SUPPORT_CODE = /^[a-z0-9-]{1,64}$/;
const FINGERPRINT = /^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/;

// What a code looks like depends on the kind: the code is what the organisation is known by.
const CODE_RULES: Readonly<Record<OrganisationKind, (code: string) => boolean>> = {
  insurer: (code) => isKnownInsurer(code),
  cpmt: (code) => isValidEnterpriseNumber(code),
  regional: (code) => REGIONAL_SERVICES.has(code),
  inami: (code) => code === 'inami',
  support: (code) => SUPPORT_CODE.test(code),
};

/** The entry, typed, or a reason (in plain words, no values) why it is unusable. */
export function checkOrganisationEntry(entry: unknown): OrganisationEntry | string {
  if (typeof entry !== 'object' || entry === null) return 'is not an object';
  const { kind, code, jwks, certificateFingerprints } = entry as Record<string, unknown>;
  if (!(ORGANISATION_KINDS as readonly unknown[]).includes(kind))
    return `has an unknown kind (one of ${ORGANISATION_KINDS.join(', ')})`;
  if (typeof code !== 'string' || !CODE_RULES[kind as OrganisationKind](code))
    return `has a code that is not valid for its kind`;
  if (jwks !== undefined && (typeof jwks !== 'string' || jwks === ''))
    return 'has a jwks entry that is not a file path';
  const fingerprints = certificateFingerprints ?? [];
  if (
    !Array.isArray(fingerprints) ||
    fingerprints.some((f) => typeof f !== 'string' || !FINGERPRINT.test(f))
  ) {
    return 'has certificate fingerprints that are not SHA-256 hex';
  }
  return {
    kind: kind as OrganisationKind,
    code,
    jwks: jwks as string | undefined,
    certificateFingerprints: fingerprints as string[],
  };
}

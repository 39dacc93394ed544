import type { JSONWebKeySet } from 'jose';

/** The kinds of organisation that talk to the hub (docs DOMAIN.md section 2). */
export const ORGANISATION_KINDS = ['insurer', 'cpmt', 'regional', 'inami', 'support'] as const;

/** One of {@link ORGANISATION_KINDS}. */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** An organisation the gateway knows, with the credentials it trusts for it. */
export interface Organisation {
  /** `<kind>:<code>`, e.g. `insurer:100`; used in audit rows, metrics and rate-limit buckets. */
  readonly id: string;
  readonly kind: OrganisationKind;
  /** Insurer code, enterprise number of a prevention service, regional service id, ... */
  readonly code: string;
  /** `urn:rtw:org:<kind>:<code>`: the CloudEvents `source` of its events and the `iss` of its tokens. */
  readonly source: string;
  /** Public keys its tokens are signed with; absent when it authenticates by certificate only. */
  readonly jwks?: JSONWebKeySet;
  /** SHA-256 fingerprints (lowercase hex) of its client certificates for mutual TLS. */
  readonly certificateFingerprints: readonly string[];
}

/** Whether a registry file describes a development setup (refused in production) or a real one. */
export type RegistryEnvironment = 'development' | 'production';

/** Lowercase hex without separators, whatever form the fingerprint came in (`AB:CD:...`). */
export function normaliseFingerprint(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').toLowerCase();
}

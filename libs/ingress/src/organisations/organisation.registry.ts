import type { Organisation, OrganisationKind, RegistryEnvironment } from './organisation.types';
import { normaliseFingerprint } from './organisation.types';

/** The organisations the gateway knows, looked up by token issuer, certificate or id. */
export class OrganisationRegistry {
  private readonly bySource = new Map<string, Organisation>();
  private readonly byCertificate = new Map<string, Organisation>();
  private readonly byIdentifier = new Map<string, Organisation>();

  constructor(
    readonly environment: RegistryEnvironment,
    organisations: readonly Organisation[],
  ) {
    for (const organisation of organisations) {
      this.bySource.set(organisation.source, organisation);
      this.byIdentifier.set(organisation.id, organisation);
      for (const fingerprint of organisation.certificateFingerprints)
        this.byCertificate.set(normaliseFingerprint(fingerprint), organisation);
    }
  }

  /** The organisation whose tokens carry this `iss` (its source URN). */
  byIssuer(issuer: string): Organisation | undefined {
    return this.bySource.get(issuer);
  }

  /** The organisation a client certificate belongs to. */
  byFingerprint(fingerprint: string): Organisation | undefined {
    return this.byCertificate.get(normaliseFingerprint(fingerprint));
  }

  /** The organisation with this `<kind>:<code>` id. */
  byId(id: string): Organisation | undefined {
    return this.byIdentifier.get(id);
  }

  /** Every organisation of one kind, in file order. */
  ofKind(kind: OrganisationKind): Organisation[] {
    return [...this.byIdentifier.values()].filter((organisation) => organisation.kind === kind);
  }
}

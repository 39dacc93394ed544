import type { PartnerOrganisation } from './directory.types';

/** The receiving organisations delivery knows (data, loaded once at boot), by id. */
export class PartnerDirectory {
  private readonly byIdentifier: ReadonlyMap<string, PartnerOrganisation>;

  constructor(
    readonly environment: 'development' | 'production',
    organisations: readonly PartnerOrganisation[],
  ) {
    this.byIdentifier = new Map(
      organisations.map((organisation) => [organisation.id, organisation]),
    );
  }

  /** The organisation with this `<kind>:<code>` id. */
  byId(id: string): PartnerOrganisation | undefined {
    return this.byIdentifier.get(id);
  }

  /** Every organisation, in file order. */
  all(): PartnerOrganisation[] {
    return [...this.byIdentifier.values()];
  }
}

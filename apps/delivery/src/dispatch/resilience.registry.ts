import { DEFAULT_LIMITS } from '../directory/directory-defaults';
import type { PartnerDirectory } from '../directory/partner.directory';
import { OrganisationResilience } from './organisation.resilience';

/** One shield per organisation of the directory, plus one for messages to unknown organisations. */
export class ResilienceRegistry {
  private readonly shields = new Map<string, OrganisationResilience>();
  private readonly unknown = new OrganisationResilience({
    id: 'unknown',
    limits: { ...DEFAULT_LIMITS, concurrency: 1 },
  });

  constructor(directory: PartnerDirectory, now?: () => number, turnsPerPlace = 1) {
    for (const organisation of directory.all())
      this.shields.set(
        organisation.id,
        new OrganisationResilience(organisation, now, turnsPerPlace),
      );
  }

  /** The shield of an organisation (unknown ones share a single slot: they are refused anyway). */
  of(organisationId: string): OrganisationResilience {
    return this.shields.get(organisationId) ?? this.unknown;
  }
}

import type { SupportActor } from '@rtw/ingress';
import type { Clock, Logger } from '@rtw/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { maskState, type PersonalDataMask } from './personal-data.mask';
import type { StoredTimeline, TimelineReader } from './timeline.reader';
import type { AcceptedEntry, DossierTimeline, RefusedEntry } from './timeline.types';

/** The role that may see the insured's identity on a timeline (ADR 0031). */
export const IDENTITY_ROLE = 'privacy-officer';

/** Whether an actor sees identity: only the role made for it. */
export function showsIdentity(actor: SupportActor): boolean {
  return actor.roles.has(IDENTITY_ROLE);
}

/**
 * One dossier's timeline for a support person: read in one snapshot, masked unless the person's
 * role allows identity, and audited in the same transaction (who, which dossier, when, whether it
 * was found and identity shown), so no timeline is answered without its audit row.
 */
export class TimelineService {
  constructor(
    private readonly parts: {
      dataSource: DataSource;
      reader: TimelineReader;
      mask: PersonalDataMask;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** The timeline, or undefined for a dossier the tracker never saw (the access is audited too). */
  async timeline(
    dossierId: string,
    actor: SupportActor & { subject: string },
  ): Promise<DossierTimeline | undefined> {
    const timeline = await this.parts.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const stored = await this.parts.reader.read(manager, dossierId);
      const found = stored.dossier !== undefined || stored.refused.length > 0;
      const identityShown = found && showsIdentity(actor);
      await this.audit(manager, { dossierId, actor, found, identityShown });
      return found
        ? present(dossierId, stored, identityShown ? undefined : this.parts.mask)
        : undefined;
    });
    this.parts.logger.info(
      {
        dossierId,
        organisation: actor.organisation.id,
        found: timeline !== undefined,
        identityShown: timeline?.identityShown ?? false,
      },
      `Timeline of dossier ${dossierId} read by ${actor.organisation.id}`,
    );
    return timeline;
  }

  private async audit(
    manager: EntityManager,
    access: {
      dossierId: string;
      actor: SupportActor & { subject: string };
      found: boolean;
      identityShown: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "dossier_access_audit" ("accessed_at", "dossier_id", "actor_organisation",
         "actor_subject", "roles", "found", "identity_shown")
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7)`,
      [
        this.parts.clock.now(),
        access.dossierId,
        access.actor.organisation.id,
        access.actor.subject,
        [...access.actor.roles].sort(),
        access.found,
        access.identityShown,
      ],
    );
  }
}

/** The API's timeline; `mask` absent means identity is shown. */
export function present(
  dossierId: string,
  stored: StoredTimeline,
  mask: PersonalDataMask | undefined,
): DossierTimeline {
  const accepted: AcceptedEntry[] = stored.accepted.map((entry) =>
    mask ? { ...entry, data: mask.maskData(entry.dataschema, entry.data) } : entry,
  );
  return {
    dossierId,
    identityShown: mask === undefined,
    dossier: stored.dossier
      ? {
          ...stored.dossier,
          state: mask ? maskState(stored.dossier.state) : stored.dossier.state,
        }
      : null,
    events: inHandlingOrder(accepted, stored.refused),
    deadlines: stored.deadlines,
    consents: stored.consents,
    relations: stored.relations,
    deliveries: stored.deliveries,
  };
}

/** Accepted (by version) and refused events merged by the time the tracker handled them. */
function inHandlingOrder(
  accepted: readonly AcceptedEntry[],
  refused: readonly RefusedEntry[],
): Array<AcceptedEntry | RefusedEntry> {
  const merged: Array<AcceptedEntry | RefusedEntry> = [];
  let r = 0;
  for (const entry of accepted) {
    while (r < refused.length && refused[r]!.at < entry.at) merged.push(refused[r++]!);
    merged.push(entry);
  }
  return merged.concat(refused.slice(r));
}

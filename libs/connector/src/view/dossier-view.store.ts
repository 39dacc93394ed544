import type { EntityManager } from 'typeorm';
import { ConnectorError } from '../errors/connector.error';
import type { ConnectorDossierView } from './dossier-view.reducer';

/** A view as loaded: the version it was read at (0 when there is no row yet). */
export interface StoredView {
  readonly version: number;
  readonly view: ConnectorDossierView;
}

/** A view to write at the end of a batch: changed (`view`) or gone (`view` undefined). */
export interface ViewWrite {
  readonly dossierId: string;
  /** The version the batch read; 0 for a dossier without a row. */
  readonly previousVersion: number;
  /** Events applied by this batch. */
  readonly applied: number;
  readonly view: ConnectorDossierView | undefined;
}

/** An event's key: CloudEvents ids are unique per source. */
export interface EventKey {
  readonly source: string;
  readonly id: string;
  readonly dossierId: string;
}

/** The key as one string, for sets. */
export function keyText(key: { source: string; id: string }): string {
  return `${key.source} ${key.id}`;
}

const UNIQUE_VIOLATION = '23505';

/**
 * SQL for one connector's rows of `connector_dossier_views` and `connector_processed_events`. Every
 * method runs on the batch's transaction; rows of other connectors are never read or written.
 */
export class DossierViewStore {
  constructor(private readonly connector: string) {}

  /** The keys among `keys` this connector already handled (a redelivery, a replay). */
  async processed(manager: EntityManager, keys: readonly EventKey[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: Array<{ event_source: string; event_id: string }> = await manager.query(
      `SELECT p."event_source", p."event_id"
       FROM unnest($2::text[], $3::text[]) AS k(s, i)
       JOIN "connector_processed_events" p
         ON p."connector" = $1 AND p."event_source" = k.s AND p."event_id" = k.i`,
      [this.connector, keys.map((key) => key.source), keys.map((key) => key.id)],
    );
    return new Set(rows.map((row) => keyText({ source: row.event_source, id: row.event_id })));
  }

  /**
   * Records the keys as handled, in the batch's transaction. A key another instance recorded
   * meanwhile (a rebalance) fails the batch, which is retried and then skips it.
   */
  async markProcessed(manager: EntityManager, keys: readonly EventKey[], now: Date): Promise<void> {
    if (keys.length === 0) return;
    await guard(() =>
      manager.query(
        `INSERT INTO "connector_processed_events"
           ("connector", "event_source", "event_id", "dossier_id", "processed_at")
         SELECT $1, s, i, d, $5 FROM unnest($2::text[], $3::text[], $4::uuid[]) AS k(s, i, d)`,
        [
          this.connector,
          keys.map((key) => key.source),
          keys.map((key) => key.id),
          keys.map((key) => key.dossierId),
          now,
        ],
      ),
    );
  }

  /** The views of these dossiers, locked until the batch commits. */
  async loadForUpdate(
    manager: EntityManager,
    dossierIds: readonly string[],
  ): Promise<Map<string, StoredView>> {
    if (dossierIds.length === 0) return new Map();
    const rows: Array<{ dossier_id: string; version: number; view: ConnectorDossierView }> =
      await manager.query(
        `SELECT "dossier_id", "version", "view" FROM "connector_dossier_views"
         WHERE "connector" = $1 AND "dossier_id" = ANY($2::uuid[])
         ORDER BY "dossier_id" FOR UPDATE`,
        [this.connector, dossierIds],
      );
    return new Map(rows.map((row) => [row.dossier_id, { version: row.version, view: row.view }]));
  }

  /** Writes the batch's views: new rows inserted, known ones updated or deleted at their version. */
  async save(manager: EntityManager, writes: readonly ViewWrite[], now: Date): Promise<void> {
    for (const write of writes) {
      if (write.view === undefined) {
        if (write.previousVersion > 0) await this.remove(manager, write);
      } else if (write.previousVersion === 0) {
        await guard(() =>
          manager.query(
            `INSERT INTO "connector_dossier_views"
               ("connector", "dossier_id", "insurer", "version", "view", "updated_at")
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              this.connector,
              write.dossierId,
              write.view!.insurerCode,
              write.applied,
              JSON.stringify(write.view),
              now,
            ],
          ),
        );
      } else {
        const [, updated]: [unknown, number] = await manager.query(
          `UPDATE "connector_dossier_views"
           SET "insurer" = $3, "version" = "version" + $4, "view" = $5, "updated_at" = $6
           WHERE "connector" = $1 AND "dossier_id" = $2 AND "version" = $7`,
          [
            this.connector,
            write.dossierId,
            write.view.insurerCode,
            write.applied,
            JSON.stringify(write.view),
            now,
            write.previousVersion,
          ],
        );
        if (updated !== 1) throw concurrentWrite();
      }
    }
  }

  /** Deletes handled-event keys older than `before`; returns how many went. */
  async pruneProcessed(manager: EntityManager, before: Date, limit: number): Promise<number> {
    const [, deleted]: [unknown, number] = await manager.query(
      `DELETE FROM "connector_processed_events" WHERE ctid IN (
         SELECT ctid FROM "connector_processed_events"
         WHERE "connector" = $1 AND "processed_at" < $2 LIMIT $3)`,
      [this.connector, before, limit],
    );
    return deleted;
  }

  private async remove(manager: EntityManager, write: ViewWrite): Promise<void> {
    const [, deleted]: [unknown, number] = await manager.query(
      `DELETE FROM "connector_dossier_views"
       WHERE "connector" = $1 AND "dossier_id" = $2 AND "version" = $3`,
      [this.connector, write.dossierId, write.previousVersion],
    );
    if (deleted !== 1) throw concurrentWrite();
  }
}

async function guard(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw concurrentWrite();
    throw error;
  }
}

function concurrentWrite(): ConnectorError {
  return new ConnectorError({
    code: 'CONNECTOR_CONCURRENT_WRITE',
    message: 'Another instance handled the same dossier or event meanwhile',
  });
}

import { createCloudEvent } from '@rtw/messaging';
import { OutboxWriter } from '@rtw/persistence';
import type { Clock, Logger } from '@rtw/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { belgianDate } from '../deadlines/deadline.scheduler';
import { HUB_SOURCE, digest, hubEventMessages } from '../notifications/outbox-messages';
import { trackerMetrics } from '../processing/tracker.metrics';
import { isPurgeable } from './retention.policy';

interface ExpiredRow {
  dossier_id: string;
  insurer: string;
  status: string;
  retention_until: string;
}

// Every table of the tracker that holds rows of a dossier, children before the projection. The
// registers, the delivery outcomes and the record of who read the timeline are the tracker's own
// (ADR 0028, 0029, 0031); other apps erase their copies on `be.rtw.dossier.purged`.
const DOSSIER_TABLES = [
  'dossier_events',
  'dossier_refusals',
  'dossier_deadlines',
  'dossier_deliveries',
  'dossier_relations',
  'dossier_consents',
  'dossier_access_audit',
  'dossiers',
] as const;

/**
 * Erases the dossiers whose retention ended (ADR 0032): in one transaction per batch it claims
 * closed dossiers past their last day of retention (`FOR UPDATE SKIP LOCKED`, so several tracker
 * instances share the work and never take the same dossier), deletes every row the tracker keeps
 * of them, records the purge in `dossier_purges` (dossier id, insurer, retention date, time: no
 * personal data) and puts `be.rtw.dossier.purged` in the outbox for the dossier topic and the
 * insurer. A dossier once erased is no longer selected, so a second run does nothing.
 */
export class RetentionPurger {
  private readonly outbox = new OutboxWriter();

  constructor(
    private readonly parts: {
      dataSource: DataSource;
      clock: Clock;
      /** Dossiers erased per transaction (bounds locks and the transaction's size). */
      batchSize: number;
      logger: Logger;
    },
  ) {}

  /** One run: erases every dossier due today, batch by batch; returns how many went. */
  async purge(signal?: AbortSignal): Promise<number> {
    const today = belgianDate(this.parts.clock.now());
    let total = 0;
    for (;;) {
      const purged = await this.parts.dataSource.transaction((manager) =>
        this.purgeBatch(manager, today),
      );
      total += purged;
      if (purged < this.parts.batchSize || signal?.aborted) break;
    }
    if (total > 0) {
      this.parts.logger.info({ purged: total, today }, 'Dossiers erased at the end of retention');
    }
    return total;
  }

  private async purgeBatch(manager: EntityManager, today: string): Promise<number> {
    // `isPurgeable` in SQL, on the projection's retention index; checked again on each row so
    // that the one tested rule decides.
    const claimed: ExpiredRow[] = await manager.query(
      `SELECT "dossier_id", "insurer", "status",
              to_char("retention_until", 'YYYY-MM-DD') AS "retention_until"
       FROM "dossiers"
       WHERE "status" = 'closed' AND "retention_until" < $1::date
       ORDER BY "retention_until", "dossier_id" LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, this.parts.batchSize],
    );
    const rows = claimed.filter((row) =>
      isPurgeable({ status: row.status, retentionUntil: row.retention_until }, today),
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.dossier_id);
    for (const table of DOSSIER_TABLES) {
      await manager.query(`DELETE FROM "${table}" WHERE "dossier_id" = ANY($1::uuid[])`, [ids]);
    }
    const now = this.parts.clock.now();
    await manager.query(
      `INSERT INTO "dossier_purges" ("dossier_id", "insurer", "retention_until", "purged_at")
       SELECT d, i, r::date, $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(d, i, r)
       ON CONFLICT ("dossier_id") DO NOTHING`,
      [ids, rows.map((row) => row.insurer), rows.map((row) => row.retention_until), now],
    );
    await this.outbox.add(
      manager,
      rows.flatMap((row) =>
        hubEventMessages(purgedEvent(row, today, now), {
          dossierTopic: true,
          insurer: row.insurer,
        }),
      ),
    );
    trackerMetrics.purged.inc(rows.length);
    return rows.length;
  }
}

function purgedEvent(row: ExpiredRow, today: string, now: Date) {
  return createCloudEvent({
    // One purge per dossier: a derived id lets consumers discard a relayed copy.
    id: `purge-${digest(row.dossier_id)}`,
    source: HUB_SOURCE,
    type: 'be.rtw.dossier.purged',
    subject: row.dossier_id,
    time: now.toISOString(),
    dataschema: 'urn:rtw:schema:be.rtw.dossier.purged:v1',
    insurer: row.insurer,
    data: { purgedOn: today, reason: 'retention-ended' },
  });
}

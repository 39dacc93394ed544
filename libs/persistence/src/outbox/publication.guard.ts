import type { DataSource, EntityManager } from 'typeorm';
import type { RelayLogger } from './outbox-relay.options';
import {
  OUTBOX_ID_HEADER,
  type OutboxPublicationCheck,
  type OutboxRecord,
} from './outbox-publisher.port';
import { outboxMetrics } from './outbox.metrics';
import type { OutboxRepository, PendingOutboxRow } from './outbox.repository';

// Records carry the producer's clock, attempts the database's: look that much further back.
const CLOCK_MARGIN_MS = 60_000;

/**
 * Makes the relay publish each outbox row once (ADR 0033). Before a send it commits an attempt
 * for the rows (beside the relay's transaction); a claimed row that still has an attempt was sent
 * by a relay that died or failed before marking it, so it is looked for on its topic first, by the
 * `rtw-outbox-id` header every record carries, and marked published instead of sent if found.
 * Without a publication check the relay stays at least once, as before.
 */
export class PublicationGuard {
  constructor(
    private readonly parts: {
      repository: OutboxRepository;
      dataSource: DataSource;
      check: OutboxPublicationCheck | undefined;
      /** How long after an attempt its records may still be appended by the broker. */
      settleMs: number;
      logger: RelayLogger;
    },
  ) {}

  /**
   * The claimed rows that must be sent: those of an earlier attempt found on their topic are
   * marked published in the relay's transaction (`manager`) and left out; the attempt of the
   * others is committed before this returns.
   */
  async rowsToSend(
    manager: EntityManager,
    rows: readonly PendingOutboxRow[],
  ): Promise<PendingOutboxRow[]> {
    const { check, repository, dataSource } = this.parts;
    if (check === undefined || rows.length === 0) return [...rows];
    const found = await this.foundOnTopics(check, rows);
    const there = rows.filter((row) => found.has(row.id));
    if (there.length > 0) {
      await repository.markPublished(
        manager,
        there.map((row) => row.seq),
      );
      for (const row of there) outboxMetrics.foundPublished.inc({ topic: row.topic });
      this.parts.logger.warn(
        { count: there.length },
        'Outbox messages of an interrupted attempt were already published; not sending them again',
      );
    }
    const toSend = rows.filter((row) => !found.has(row.id));
    // Its own connection, committed now: it must outlive this transaction if the process dies.
    await repository.recordAttempt(
      dataSource.manager,
      toSend.map((row) => row.seq),
    );
    return toSend;
  }

  /** The record of a row, carrying its outbox id when the relay checks for earlier attempts. */
  recordOf(row: PendingOutboxRow): OutboxRecord {
    const headers =
      this.parts.check === undefined ? row.headers : { ...row.headers, [OUTBOX_ID_HEADER]: row.id };
    return { key: row.key, value: row.payload, headers };
  }

  private async foundOnTopics(
    check: OutboxPublicationCheck,
    rows: readonly PendingOutboxRow[],
  ): Promise<Set<string>> {
    const inDoubt = rows.filter((row) => row.attemptedAt !== null);
    if (inDoubt.length === 0) return new Set();
    const times = inDoubt.map((row) => new Date(row.attemptedAt!).getTime());
    // A request the broker had already read when its sender died is appended within moments.
    const settleIn = Math.max(...times) + this.parts.settleMs - Date.now();
    if (settleIn > 0) await new Promise((resolve) => setTimeout(resolve, settleIn));
    return check.alreadyPublished(
      inDoubt.map((row) => ({ topic: row.topic, id: row.id })),
      new Date(Math.min(...times) - CLOCK_MARGIN_MS),
    );
  }
}

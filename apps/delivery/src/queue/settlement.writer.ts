import type { DataSource, EntityManager } from 'typeorm';
import { OutboxWriter, type OutboxMessage } from '@rtw/persistence';
import type { QueuedMessage } from './delivery-message.types';
import { updatedRows } from './queue.rows';
import type { AttemptRecord, Settlement } from './settlement.types';

/** A turn waiting for its settlement transaction. */
interface PendingSettlement {
  readonly message: QueuedMessage;
  readonly owner: string;
  readonly settlement: Settlement;
  readonly outbox: readonly OutboxMessage[];
  readonly resolve: (held: boolean) => void;
  readonly reject: (error: unknown) => void;
}

/** Most turns settled in one transaction. */
const MAX_SETTLEMENT_GROUP = 200;

/**
 * Ends turns of claimed messages (ADR 0062): the attempt row, the message's new state, and the
 * receipt (and dead-letter copy) through the outbox, in one transaction. Turns that end while a
 * settlement transaction is under way are settled together in the next one (group commit).
 */
export class SettlementWriter {
  private readonly outbox = new OutboxWriter();
  private readonly waiting: PendingSettlement[] = [];
  private flushing = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Queues one turn for the next group; resolves with whether its lease held. */
  settle(
    message: QueuedMessage,
    owner: string,
    settlement: Settlement,
    outbox: readonly OutboxMessage[],
  ): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.waiting.push({ message, owner, settlement, outbox, resolve, reject });
      this.flush();
    });
  }

  /** Settles what is waiting, one group per transaction, until nothing waits. */
  private flush(): void {
    if (this.flushing) return;
    this.flushing = true;
    void (async () => {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, MAX_SETTLEMENT_GROUP);
        try {
          const results = await this.settleGroup(group);
          group.forEach((turn, i) => turn.resolve(results[i]!));
        } catch (error) {
          if (group.length === 1) group[0]!.reject(error);
          else
            for (const turn of group)
              await this.settleGroup([turn]).then(
                ([result]) => turn.resolve(result!),
                (alone: unknown) => turn.reject(alone),
              );
        }
      }
    })().finally(() => {
      this.flushing = false;
      if (this.waiting.length > 0) this.flush();
    });
  }

  /**
   * One transaction for a group of turns: the delivered ones with one UPDATE and one INSERT of
   * their attempts (the common case), the others one by one, then every receipt and dead-letter
   * copy of the turns whose lease held in one outbox write. Results in the group's order.
   */
  private settleGroup(group: readonly PendingSettlement[]): Promise<boolean[]> {
    return this.dataSource.transaction(async (manager) => {
      const held = new Set<PendingSettlement>();
      const delivered = group.filter((turn) => turn.settlement.kind === 'delivered');
      if (delivered.length > 0) {
        const updated = updatedRows(
          await manager.query(
            `UPDATE "delivery_messages" m SET "attempts" = m."attempts" + 1,
               "round_attempts" = m."round_attempts" + 1,
               "last_http_status" = COALESCE(v."http_status", m."last_http_status"),
               "lease_owner" = NULL, "lease_until" = NULL, "status" = 'delivered',
               "delivered_at" = v."at", "updated_at" = v."at", "next_attempt_at" = NULL,
               "last_error_code" = NULL
             FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[])
               AS v("id", "owner", "http_status", "at")
             WHERE m."id" = v."id" AND m."lease_owner" = v."owner" AND m."status" = 'pending'
             RETURNING m."id"`,
            [
              delivered.map((turn) => turn.message.id),
              delivered.map((turn) => turn.owner),
              delivered.map((turn) => turn.settlement.attempt?.httpStatus ?? null),
              delivered.map((turn) => (turn.settlement as { at: Date }).at),
            ],
          ),
        );
        const ids = new Set(updated.map((row) => String(row['id'])));
        for (const turn of delivered) if (ids.has(turn.message.id)) held.add(turn);
        await this.insertAttempts(
          manager,
          delivered.filter((turn) => held.has(turn)),
        );
      }
      for (const turn of group) {
        if (turn.settlement.kind === 'delivered') continue;
        if (!(await this.updateMessage(manager, turn.message, turn.owner, turn.settlement)))
          continue;
        held.add(turn);
        if (turn.settlement.attempt) await this.insertAttempts(manager, [turn]);
      }
      const outbox = group.filter((turn) => held.has(turn)).flatMap((turn) => turn.outbox);
      if (outbox.length > 0) await this.outbox.add(manager, outbox);
      return group.map((turn) => held.has(turn));
    });
  }

  private async updateMessage(
    manager: EntityManager,
    message: QueuedMessage,
    owner: string,
    settlement: Settlement,
  ): Promise<boolean> {
    const attempted = settlement.attempt ? 1 : 0;
    const common = [message.id, owner, attempted, settlement.attempt?.httpStatus ?? null];
    const guard = `WHERE "id" = $1 AND "lease_owner" = $2 AND "status" = 'pending' RETURNING "id"`;
    const counters = `"attempts" = "attempts" + $3, "round_attempts" = "round_attempts" + $3,
      "last_http_status" = COALESCE($4, "last_http_status"), "lease_owner" = NULL, "lease_until" = NULL`;
    let rows: unknown;
    switch (settlement.kind) {
      case 'delivered':
        rows = await manager.query(
          `UPDATE "delivery_messages" SET ${counters}, "status" = 'delivered', "delivered_at" = $5,
             "updated_at" = $5, "next_attempt_at" = NULL, "last_error_code" = NULL ${guard}`,
          [...common, settlement.at],
        );
        break;
      case 'retry':
        rows = await manager.query(
          `UPDATE "delivery_messages" SET ${counters}, "next_attempt_at" = $5, "last_error_code" = $6,
             "updated_at" = $7 ${guard}`,
          [...common, settlement.nextAttemptAt, settlement.errorCode, settlement.attempt.startedAt],
        );
        break;
      default:
        rows = await manager.query(
          `UPDATE "delivery_messages" SET ${counters}, "status" = $5, "failed_at" = $6, "updated_at" = $6,
             "next_attempt_at" = NULL, "reason_code" = $7, "reason_message" = $8,
             "last_error_code" = $7 ${guard}`,
          [
            ...common,
            settlement.kind,
            settlement.at,
            settlement.reasonCode,
            settlement.reasonMessage,
          ],
        );
    }
    return updatedRows(rows).length > 0;
  }

  /** The attempt rows of settled turns, in one INSERT. */
  private async insertAttempts(
    manager: EntityManager,
    turns: readonly PendingSettlement[],
  ): Promise<void> {
    if (turns.length === 0) return;
    const column = <T>(of: (turn: PendingSettlement, attempt: AttemptRecord) => T): T[] =>
      turns.map((turn) => of(turn, turn.settlement.attempt!));
    await manager.query(
      `INSERT INTO "delivery_attempts" ("message_id", "attempt_no", "round", "organisation_id",
         "partner", "started_at", "latency_ms", "outcome", "http_status", "error_code", "request",
         "response_headers", "response_excerpt")
       SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[],
         $6::timestamptz[], $7::int[], $8::text[], $9::int[], $10::text[], $11::jsonb[],
         $12::jsonb[], $13::text[])`,
      [
        column(({ message }) => message.id),
        column(({ message }) => message.attempts + 1),
        column(({ message }) => message.replays),
        column(({ message }) => message.organisationId),
        column(({ message }) => message.partner),
        column((_, attempt) => attempt.startedAt),
        column((_, attempt) => attempt.latencyMs),
        column((_, attempt) => attempt.outcome),
        column((_, attempt) => attempt.httpStatus ?? null),
        column((_, attempt) => attempt.errorCode ?? null),
        column((_, attempt) => JSON.stringify(attempt.request)),
        column((_, attempt) =>
          attempt.responseHeaders ? JSON.stringify(attempt.responseHeaders) : null,
        ),
        column((_, attempt) => attempt.responseExcerpt ?? null),
      ],
    );
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import { toKafkaMessage, TOPICS, type CloudEvent } from '@rtw/messaging';
import { OutboxWriter } from '@rtw/persistence';
import { randomUUID } from 'node:crypto';
import { insertAuditRows } from '../audit/audit.rows';
import { withDatabase } from '../database/database-failure';
import { deduplicateBatch, idempotencyKey, type KeyedItem } from './batch.deduplicator';
import { insertIdempotencyRecords, storedHashes } from './idempotency.rows';
import type { ItemOutcome, Submission, SubmissionItem, SubmissionStore } from './submission.types';

const CONFLICT = {
  code: 'IDEMPOTENCY_CONFLICT',
  message: 'an event with this source and id was accepted with a different payload',
  pointer: '/id',
} as const;

/**
 * The PostgreSQL store: idempotency records, outbox messages (topic `rtw.inbound.events.v1`,
 * key = dossier id, CloudEvents binary mode) and audit rows in one transaction (ADR 0021).
 */
export class PostgresSubmissionStore implements SubmissionStore {
  private readonly outbox = new OutboxWriter();

  constructor(
    private readonly dataSource: DataSource,
    private readonly topic: string = TOPICS.inboundEvents,
  ) {}

  record(submission: Submission): Promise<ItemOutcome[]> {
    return withDatabase(() =>
      this.dataSource.transaction((manager) => this.recordIn(manager, submission)),
    );
  }

  acceptedHash(source: string, id: string): Promise<string | undefined> {
    return withDatabase(async () => {
      const [row]: Array<{ payload_hash: string }> = await this.dataSource.query(
        `SELECT "payload_hash" FROM "ingress_idempotency" WHERE "source" = $1 AND "event_id" = $2`,
        [source, id],
      );
      return row?.payload_hash;
    });
  }

  private async recordIn(manager: EntityManager, submission: Submission): Promise<ItemOutcome[]> {
    const { items } = submission;
    const { firsts, repeats } = deduplicateBatch(items);
    const outboxIds = new Map(firsts.map((item) => [item.index, randomUUID()]));
    const inserted = await insertIdempotencyRecords(manager, submission, firsts, outboxIds);
    const earlier = await storedHashes(
      manager,
      firsts.filter((item) => !inserted.has(item.key)),
    );
    const outcomes = items.map((item, index) =>
      outcomeOf(item, index, { firsts, repeats, inserted, earlier }),
    );
    const accepted = items.flatMap((item, index) =>
      outcomes[index]!.outcome === 'accepted' && item.verdict === 'accept' ? [{ item, index }] : [],
    );
    await this.outbox.add(
      manager,
      accepted.map(({ item, index }) => ({
        id: outboxIds.get(index),
        topic: this.topic,
        ...toKafkaMessage(item.event as CloudEvent),
      })),
    );
    await insertAuditRows(manager, submission, outcomes);
    return outcomes;
  }
}

interface Lookup {
  firsts: KeyedItem[];
  repeats: Map<number, number>;
  inserted: Set<string>;
  earlier: Map<string, string>;
}

function outcomeOf(item: SubmissionItem, index: number, lookup: Lookup): ItemOutcome {
  if (item.verdict === 'refuse')
    return { outcome: 'rejected', facts: item.facts, refusal: item.refusal };
  const key = idempotencyKey(item.event.source, item.event.id);
  const firstIndex = lookup.repeats.get(index);
  if (firstIndex !== undefined) {
    // A repeat inside the batch is judged against the first occurrence and what became of it.
    const first = lookup.firsts.find((candidate) => candidate.index === firstIndex)!;
    const firstOk = lookup.inserted.has(key) || lookup.earlier.get(key) === first.hash;
    return firstOk && first.hash === item.hash
      ? { outcome: 'duplicate', facts: item.facts }
      : { outcome: 'rejected', facts: item.facts, refusal: CONFLICT };
  }
  if (lookup.inserted.has(key)) return { outcome: 'accepted', facts: item.facts };
  return lookup.earlier.get(key) === item.hash
    ? { outcome: 'duplicate', facts: item.facts }
    : { outcome: 'rejected', facts: item.facts, refusal: CONFLICT };
}

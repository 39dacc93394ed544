import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One message waiting to be (or already) published to Kafka. Rows are written in the caller's
 * transaction by `OutboxWriter` and read by `OutboxRelay`; the schema comes from the migrations and
 * this class must describe it exactly (an integration test checks there is no drift).
 */
@Entity({ name: 'outbox' })
@Unique('outbox_id_key', ['id'])
// Only pending rows are indexed for the relay: the index stays as small as the backlog.
@Index('outbox_pending_idx', ['bucket', 'seq'], { where: '"published_at" IS NULL' })
@Index('outbox_pending_seq_idx', ['seq'], { where: '"published_at" IS NULL' })
@Index('outbox_published_at_idx', ['publishedAt'], { where: '"published_at" IS NOT NULL' })
export class OutboxMessageEntity {
  /** Insertion order; per-key order is publication in `seq` order within a bucket. */
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    name: 'seq',
    primaryKeyConstraintName: 'outbox_pkey',
  })
  seq!: string;

  // No database default: the writer always sets it, and TypeORM cannot round-trip gen_random_uuid().
  @Column({ type: 'uuid', name: 'id' })
  id!: string;

  @Column({ type: 'text', name: 'topic' })
  topic!: string;

  @Column({ type: 'text', name: 'message_key' })
  messageKey!: string;

  @Column({ type: 'jsonb', name: 'headers' })
  headers!: Record<string, string>;

  @Column({ type: 'bytea', name: 'payload' })
  payload!: Buffer;

  @Column({ type: 'smallint', name: 'bucket' })
  bucket!: number;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'integer', name: 'attempts', default: 0 })
  attempts!: number;

  @Column({ type: 'text', name: 'last_error_code', nullable: true })
  lastErrorCode!: string | null;
}

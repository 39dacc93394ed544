import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Marker that a consumer group has processed an event: the primary key is the idempotency
 * guarantee, so the marker and the work's effects commit (or roll back) together.
 */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryColumn({
    type: 'text',
    name: 'consumer_group',
    primaryKeyConstraintName: 'processed_events_pkey',
  })
  consumerGroup!: string;

  @PrimaryColumn({
    type: 'text',
    name: 'event_id',
    primaryKeyConstraintName: 'processed_events_pkey',
  })
  eventId!: string;

  // The retention purge scans by age (ADR 0032).
  @Index('processed_events_processed_idx')
  @Column({ type: 'timestamptz', name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}

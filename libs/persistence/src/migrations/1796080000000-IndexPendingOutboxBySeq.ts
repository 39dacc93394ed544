import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay claims the oldest pending rows of many buckets at once, in `seq` order (ADR 0030).
 * With only the (bucket, seq) index PostgreSQL would read and sort every pending row of those
 * buckets on each claim, which grows with the backlog; this index lets it stop after the batch.
 */
export class IndexPendingOutboxBySeq1796080000000 implements MigrationInterface {
  name = 'IndexPendingOutboxBySeq1796080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "outbox_pending_seq_idx" ON "outbox" ("seq") WHERE "published_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "outbox_pending_seq_idx"`);
  }
}

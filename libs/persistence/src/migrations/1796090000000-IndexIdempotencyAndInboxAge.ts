import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the age of the gateway's idempotency records and of the processed-events inbox, which
 * their purges scan by (ADR 0032): without them each purge reads the whole table.
 */
export class IndexIdempotencyAndInboxAge1796090000000 implements MigrationInterface {
  name = 'IndexIdempotencyAndInboxAge1796090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ingress_idempotency_accepted_idx" ON "ingress_idempotency" ("accepted_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "processed_events_processed_idx" ON "processed_events" ("processed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "processed_events_processed_idx"`);
    await queryRunner.query(`DROP INDEX "ingress_idempotency_accepted_idx"`);
  }
}

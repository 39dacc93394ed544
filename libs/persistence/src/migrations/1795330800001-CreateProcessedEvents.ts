import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the inbox of processed events used by `processOnce` for idempotent consumers. */
export class CreateProcessedEvents1795330800001 implements MigrationInterface {
  name = 'CreateProcessedEvents1795330800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "processed_events" (
        "consumer_group" text NOT NULL,
        "event_id" text NOT NULL,
        "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer_group", "event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "processed_events"`);
  }
}

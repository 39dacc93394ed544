import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the transactional outbox read by `OutboxRelay` (see docs/adr/0004-outbox-and-inbox.md). */
export class CreateOutbox1795330800000 implements MigrationInterface {
  name = 'CreateOutbox1795330800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "seq" BIGSERIAL NOT NULL,
        "id" uuid NOT NULL,
        "topic" text NOT NULL,
        "message_key" text NOT NULL,
        "headers" jsonb NOT NULL,
        "payload" bytea NOT NULL,
        "bucket" smallint NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "published_at" TIMESTAMP WITH TIME ZONE,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error_code" text,
        CONSTRAINT "outbox_pkey" PRIMARY KEY ("seq"),
        CONSTRAINT "outbox_id_key" UNIQUE ("id")
      )`);
    // Partial indexes: the relay scans only pending rows, the purge only published ones.
    await queryRunner.query(
      `CREATE INDEX "outbox_pending_idx" ON "outbox" ("bucket", "seq") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_published_at_idx" ON "outbox" ("published_at") WHERE "published_at" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "outbox_published_at_idx"`);
    await queryRunner.query(`DROP INDEX "outbox_pending_idx"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}

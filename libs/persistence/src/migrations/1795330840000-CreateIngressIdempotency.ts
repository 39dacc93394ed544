import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's idempotency records: one per accepted (source, id), with the payload hash that
 * tells a replay from a conflicting reuse of an id, and the outbox row that carries the event
 * (docs/adr/0021-durable-submission-and-idempotency.md). No payload, no personal data.
 */
export class CreateIngressIdempotency1795330840000 implements MigrationInterface {
  name = 'CreateIngressIdempotency1795330840000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingress_idempotency" (
        "source" text NOT NULL,
        "event_id" text NOT NULL,
        "payload_hash" char(64) NOT NULL,
        "event_type" text NOT NULL,
        "dossier_id" uuid NOT NULL,
        "organisation_id" text NOT NULL,
        "channel" text NOT NULL,
        "outbox_id" uuid NOT NULL,
        "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ingress_idempotency_pkey" PRIMARY KEY ("source", "event_id"),
        CONSTRAINT "ingress_idempotency_channel_check" CHECK ("channel" IN ('http', 'kafka'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ingress_idempotency"`);
  }
}

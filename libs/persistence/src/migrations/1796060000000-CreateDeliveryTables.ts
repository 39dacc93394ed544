import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery's own tables (ADR 0060, 0061): the durable queue of partner messages with their
 * scheduled retries and leases, the log of every HTTP attempt, the audited replays, and the
 * operators' pause switch per organisation with its audit trail. Written only by delivery.
 */
export class CreateDeliveryTables1796060000000 implements MigrationInterface {
  name = 'CreateDeliveryTables1796060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "delivery_messages" (
        "id" text NOT NULL,
        "seq" BIGSERIAL NOT NULL,
        "partner" text NOT NULL,
        "organisation_id" text NOT NULL,
        "dossier_id" uuid NOT NULL,
        "insurer" text NOT NULL,
        "message_type" text NOT NULL,
        "contract" text NOT NULL,
        "content_type" text NOT NULL,
        "referral_id" text,
        "causation_id" text NOT NULL,
        "correlation_id" text,
        "event" jsonb NOT NULL,
        "source_topic" text NOT NULL,
        "source_partition" integer NOT NULL,
        "source_offset" text NOT NULL,
        "status" text NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "round_attempts" integer NOT NULL DEFAULT 0,
        "replays" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE,
        "lease_owner" text,
        "lease_until" TIMESTAMP WITH TIME ZONE,
        "last_error_code" text,
        "last_http_status" integer,
        "reason_code" text,
        "reason_message" text,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        "failed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "delivery_messages_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "delivery_messages_seq_key" UNIQUE ("seq"),
        CONSTRAINT "delivery_messages_status_check"
          CHECK ("status" IN ('pending', 'delivered', 'dead-lettered', 'refused'))
      )`);
    // The dispatcher's two questions: what is due for an organisation, and is an older message
    // of the same dossier still pending (per-dossier order). Both only over pending rows.
    await queryRunner.query(
      `CREATE INDEX "delivery_messages_due_idx" ON "delivery_messages"
         ("organisation_id", "next_attempt_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "delivery_messages_order_idx" ON "delivery_messages"
         ("organisation_id", "dossier_id", "seq") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "delivery_messages_failed_idx" ON "delivery_messages" ("failed_at", "id")
         WHERE "status" IN ('dead-lettered', 'refused')`,
    );
    await queryRunner.query(
      `CREATE INDEX "delivery_messages_status_idx" ON "delivery_messages" ("status", "received_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "delivery_attempts" (
        "id" BIGSERIAL NOT NULL,
        "message_id" text NOT NULL,
        "attempt_no" integer NOT NULL,
        "round" integer NOT NULL,
        "organisation_id" text NOT NULL,
        "partner" text NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "latency_ms" integer NOT NULL,
        "outcome" text NOT NULL,
        "http_status" integer,
        "error_code" text,
        "request" jsonb NOT NULL,
        "response_headers" jsonb,
        "response_excerpt" text,
        CONSTRAINT "delivery_attempts_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "delivery_attempts_message_fkey" FOREIGN KEY ("message_id")
          REFERENCES "delivery_messages" ("id") ON DELETE CASCADE,
        CONSTRAINT "delivery_attempts_outcome_check"
          CHECK ("outcome" IN ('delivered', 'retryable', 'rejected'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "delivery_attempts_message_idx" ON "delivery_attempts" ("message_id", "attempt_no")`,
    );
    await queryRunner.query(
      `CREATE INDEX "delivery_attempts_window_idx" ON "delivery_attempts" ("organisation_id", "started_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "delivery_replays" (
        "id" uuid NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_organisation" text NOT NULL,
        "actor_subject" text NOT NULL,
        "reason" text NOT NULL,
        "dry_run" boolean NOT NULL,
        "selection" jsonb NOT NULL,
        "matched" integer NOT NULL,
        "requeued" integer NOT NULL,
        "refused" integer NOT NULL,
        CONSTRAINT "delivery_replays_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "delivery_replay_items" (
        "replay_id" uuid NOT NULL,
        "message_id" text NOT NULL,
        "verdict" text NOT NULL,
        "code" text,
        CONSTRAINT "delivery_replay_items_pkey" PRIMARY KEY ("replay_id", "message_id"),
        CONSTRAINT "delivery_replay_items_replay_fkey" FOREIGN KEY ("replay_id")
          REFERENCES "delivery_replays" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "delivery_replay_items_message_idx" ON "delivery_replay_items" ("message_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "delivery_organisation_controls" (
        "organisation_id" text NOT NULL,
        "paused" boolean NOT NULL,
        "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "delivery_organisation_controls_pkey" PRIMARY KEY ("organisation_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "delivery_control_audit" (
        "id" BIGSERIAL NOT NULL,
        "organisation_id" text NOT NULL,
        "action" text NOT NULL,
        "actor_organisation" text NOT NULL,
        "actor_subject" text NOT NULL,
        "reason" text NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "delivery_control_audit_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "delivery_control_audit_action_check" CHECK ("action" IN ('pause', 'resume'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "delivery_control_audit"`);
    await queryRunner.query(`DROP TABLE "delivery_organisation_controls"`);
    await queryRunner.query(`DROP TABLE "delivery_replay_items"`);
    await queryRunner.query(`DROP TABLE "delivery_replays"`);
    await queryRunner.query(`DROP TABLE "delivery_attempts"`);
    await queryRunner.query(`DROP TABLE "delivery_messages"`);
  }
}

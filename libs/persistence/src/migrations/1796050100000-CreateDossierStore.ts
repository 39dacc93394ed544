import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tracker's own tables (ADR 0029): the per-dossier event store, the dossier projection, the
 * refused events, the legal deadlines, the delivery outcomes shown on timelines, and the record of
 * retention purges. Written only by the tracker.
 */
export class CreateDossierStore1796050100000 implements MigrationInterface {
  name = 'CreateDossierStore1796050100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Append-only; (dossier_id, version) orders one dossier's history and makes a concurrent
    // second append of the same version fail (optimistic concurrency).
    await queryRunner.query(`
      CREATE TABLE "dossier_events" (
        "dossier_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "event_source" text NOT NULL,
        "event_id" text NOT NULL,
        "type" text NOT NULL,
        "dataschema" text,
        "insurer" text NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "correlation_id" text,
        "data" jsonb NOT NULL,
        CONSTRAINT "dossier_events_pkey" PRIMARY KEY ("dossier_id", "version"),
        CONSTRAINT "dossier_events_event_key" UNIQUE ("event_source", "event_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "dossier_events_insurer_recorded_idx" ON "dossier_events" ("insurer", "recorded_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "dossiers" (
        "dossier_id" uuid NOT NULL,
        "insurer" text NOT NULL,
        "version" integer NOT NULL,
        "status" text NOT NULL,
        "scheme" text,
        "incapacity_start" date,
        "category" smallint,
        "route" text,
        "ami_case" smallint,
        "ami_status" text,
        "closed_on" date,
        "incapacity_ended_on" date,
        "retention_until" date,
        "outcome" text,
        "state" jsonb NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "dossiers_pkey" PRIMARY KEY ("dossier_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "dossiers_insurer_idx" ON "dossiers" ("insurer", "updated_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "dossiers_retention_idx" ON "dossiers" ("retention_until") WHERE "retention_until" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "dossier_refusals" (
        "id" BIGSERIAL NOT NULL,
        "dossier_id" uuid NOT NULL,
        "event_source" text NOT NULL,
        "event_id" text NOT NULL,
        "type" text NOT NULL,
        "insurer" text,
        "reason_code" text NOT NULL,
        "message" text NOT NULL,
        "refused_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "dossier_refusals_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "dossier_refusals_event_key" UNIQUE ("event_source", "event_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "dossier_refusals_dossier_idx" ON "dossier_refusals" ("dossier_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "dossier_deadlines" (
        "id" BIGSERIAL NOT NULL,
        "dossier_id" uuid NOT NULL,
        "insurer" text NOT NULL,
        "rule_id" text NOT NULL,
        "match_key" text NOT NULL DEFAULT '',
        "started_by" text NOT NULL,
        "starts_on" date NOT NULL,
        "opens_on" date,
        "due_on" date NOT NULL,
        "status" text NOT NULL,
        "due_soon_at" TIMESTAMP WITH TIME ZONE,
        "missed_at" TIMESTAMP WITH TIME ZONE,
        "settled_at" TIMESTAMP WITH TIME ZONE,
        "settled_by" text,
        CONSTRAINT "dossier_deadlines_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "dossier_deadlines_status_check"
          CHECK ("status" IN ('open', 'met', 'missed', 'cancelled'))
      )`);
    // The scheduler scans only open deadlines, by due date.
    await queryRunner.query(
      `CREATE INDEX "dossier_deadlines_open_idx" ON "dossier_deadlines" ("due_on") WHERE "status" = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX "dossier_deadlines_dossier_idx" ON "dossier_deadlines" ("dossier_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "dossier_deliveries" (
        "message_id" text NOT NULL,
        "dossier_id" uuid NOT NULL,
        "partner" text NOT NULL,
        "outcome" text NOT NULL,
        "reason_code" text,
        "attempts" integer NOT NULL,
        "receipt_id" text NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "dossier_deliveries_pkey" PRIMARY KEY ("message_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "dossier_deliveries_dossier_idx" ON "dossier_deliveries" ("dossier_id")`,
    );
    // What the audit keeps of a purged dossier: that it happened, when, and under which rule.
    await queryRunner.query(`
      CREATE TABLE "dossier_purges" (
        "dossier_id" uuid NOT NULL,
        "insurer" text NOT NULL,
        "retention_until" date NOT NULL,
        "purged_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "dossier_purges_pkey" PRIMARY KEY ("dossier_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'dossier_purges',
      'dossier_deliveries',
      'dossier_deadlines',
      'dossier_refusals',
      'dossiers',
      'dossier_events',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}

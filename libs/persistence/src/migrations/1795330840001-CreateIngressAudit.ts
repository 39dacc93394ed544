import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's audit trail: who submitted what type for which dossier, when, through which
 * channel, with what outcome and reason code. Never the payload (ADR 0024).
 */
export class CreateIngressAudit1795330840001 implements MigrationInterface {
  name = 'CreateIngressAudit1795330840001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ingress_audit" (
        "id" BIGSERIAL NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "organisation_id" text NOT NULL,
        "channel" text NOT NULL,
        "event_id" text,
        "event_type" text,
        "dossier_id" uuid,
        "outcome" text NOT NULL,
        "reason_code" text,
        CONSTRAINT "ingress_audit_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "ingress_audit_outcome_check" CHECK ("outcome" IN ('accepted', 'duplicate', 'rejected', 'refused')),
        CONSTRAINT "ingress_audit_reason_check" CHECK (("outcome" IN ('rejected', 'refused')) = ("reason_code" IS NOT NULL))
      )`);
    // Status look-ups ask for one organisation's event id; audits ask per dossier.
    await queryRunner.query(
      `CREATE INDEX "ingress_audit_event_idx" ON "ingress_audit" ("organisation_id", "event_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ingress_audit_dossier_idx" ON "ingress_audit" ("dossier_id") WHERE "dossier_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ingress_audit_dossier_idx"`);
    await queryRunner.query(`DROP INDEX "ingress_audit_event_idx"`);
    await queryRunner.query(`DROP TABLE "ingress_audit"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tracker's consent and relation registers (ADR 0028). Written only by the tracker; read by
 * the gateway, the connectors and delivery through `@rtw/registers`. Replaces the gateway's
 * stand-in `dossier_relations` (ADR 0023) with the same core columns.
 */
export class CreateDossierRegisters1796050000000 implements MigrationInterface {
  name = 'CreateDossierRegisters1796050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "dossier_relations" (
        "id" BIGSERIAL NOT NULL,
        "dossier_id" uuid NOT NULL,
        "partner_kind" text NOT NULL,
        "partner_code" text NOT NULL,
        "purpose" text NOT NULL,
        "referral_id" text NOT NULL,
        "consent_scope" text NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "started_by_event" text NOT NULL,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        "end_reason" text,
        "ended_by_event" text,
        CONSTRAINT "dossier_relations_pkey" PRIMARY KEY ("id")
      )`);
    // One current link per referral; the lookups go by dossier and partner.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "dossier_relations_current_idx" ON "dossier_relations"
         ("dossier_id", "partner_kind", "partner_code", "referral_id") WHERE "ended_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "dossier_relations_dossier_idx" ON "dossier_relations" ("dossier_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "dossier_consents" (
        "dossier_id" uuid NOT NULL,
        "scope" text NOT NULL,
        "status" text NOT NULL,
        "given_on" date,
        "withdrawn_on" date,
        "event_id" text NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "dossier_consents_pkey" PRIMARY KEY ("dossier_id", "scope"),
        CONSTRAINT "dossier_consents_status_check" CHECK ("status" IN ('given', 'withdrawn'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dossier_consents"`);
    await queryRunner.query(`DROP INDEX "dossier_relations_dossier_idx"`);
    await queryRunner.query(`DROP INDEX "dossier_relations_current_idx"`);
    await queryRunner.query(`DROP TABLE "dossier_relations"`);
  }
}

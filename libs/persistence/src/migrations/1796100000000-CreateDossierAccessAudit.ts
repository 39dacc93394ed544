import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tracker's record of who looked at which dossier's timeline, when, and whether identity was
 * shown (ADR 0031). Written only by the tracker, in the transaction that reads the timeline, so
 * no timeline leaves without its row. Holds no personal data of the insured: the dossier id and
 * the support person's organisation and `sub`.
 */
export class CreateDossierAccessAudit1796100000000 implements MigrationInterface {
  name = 'CreateDossierAccessAudit1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "dossier_access_audit" (
        "id" BIGSERIAL NOT NULL,
        "accessed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "dossier_id" uuid NOT NULL,
        "actor_organisation" text NOT NULL,
        "actor_subject" text NOT NULL,
        "roles" text[] NOT NULL,
        "found" boolean NOT NULL,
        "identity_shown" boolean NOT NULL,
        CONSTRAINT "dossier_access_audit_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "dossier_access_audit_identity_check" CHECK ("found" OR NOT "identity_shown")
      )`);
    // "Who looked at this dossier" (a subject access request, an incident review).
    await queryRunner.query(
      `CREATE INDEX "dossier_access_audit_dossier_idx" ON "dossier_access_audit" ("dossier_id", "accessed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "dossier_access_audit_dossier_idx"`);
    await queryRunner.query(`DROP TABLE "dossier_access_audit"`);
  }
}

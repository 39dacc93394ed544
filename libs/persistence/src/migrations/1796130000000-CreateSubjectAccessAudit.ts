import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monitor's record of every subject access request (GDPR art. 15, ADR 0097): who asked, why,
 * when, whether it was allowed, and which dossiers the answer covered. Holds no NISS: the person
 * is named by the dossiers found, so the audit itself adds no identity data.
 */
export class CreateSubjectAccessAudit1796130000000 implements MigrationInterface {
  name = 'CreateSubjectAccessAudit1796130000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "subject_access_audit" (
        "id" BIGSERIAL NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_organisation" text NOT NULL,
        "actor_subject" text NOT NULL,
        "roles" text[] NOT NULL,
        "reason" text NOT NULL,
        "outcome" text NOT NULL,
        "dossier_ids" uuid[] NOT NULL,
        CONSTRAINT "subject_access_audit_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "subject_access_audit_outcome_check" CHECK ("outcome" IN ('answered', 'refused'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subject_access_audit"`);
  }
}

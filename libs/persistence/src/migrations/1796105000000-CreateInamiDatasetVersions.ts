import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The INAMI evaluation's own tables (ADR 0081): the frozen versions of each insurer's yearly
 * dataset and their files, stored in PostgreSQL in chunks of at most 1 MiB. Written only by
 * inami-evaluation; delivery reads the chunks as the payload store of the submission.
 *
 * A frozen version is immutable, and the database says so: triggers refuse any change to a
 * version's identity, figures or hashes, any deletion of a version, and any update or deletion of
 * a file chunk. Only the submission columns (status, message, answer) move.
 */
export class CreateInamiDatasetVersions1796105000000 implements MigrationInterface {
  name = 'CreateInamiDatasetVersions1796105000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inami_dataset_versions" (
        "id" uuid NOT NULL,
        "insurer" text NOT NULL,
        "year" integer NOT NULL,
        "version" integer NOT NULL,
        "frozen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "frozen_by" text NOT NULL,
        "reason" text,
        "events_high_water" TIMESTAMP WITH TIME ZONE,
        "events_at_freeze" bigint NOT NULL,
        "dossiers_read" integer NOT NULL,
        "trajectories_counted" integer NOT NULL,
        "findings" integer NOT NULL,
        "xml_sha256" text NOT NULL,
        "xml_bytes" bigint NOT NULL,
        "json_sha256" text NOT NULL,
        "json_bytes" bigint NOT NULL,
        "status" text NOT NULL,
        "message_id" text,
        "submitted_at" TIMESTAMP WITH TIME ZONE,
        "submitted_by" text,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        "answer" jsonb,
        CONSTRAINT "inami_dataset_versions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "inami_dataset_versions_number_key" UNIQUE ("insurer", "year", "version"),
        CONSTRAINT "inami_dataset_versions_message_key" UNIQUE ("message_id"),
        CONSTRAINT "inami_dataset_versions_reason_check"
          CHECK ("version" = 1 OR "reason" IS NOT NULL),
        CONSTRAINT "inami_dataset_versions_status_check" CHECK ("status" IN
          ('frozen', 'submitted', 'delivered', 'delivery-failed', 'acknowledged', 'refused'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "inami_dataset_chunks" (
        "version_id" uuid NOT NULL,
        "form" text NOT NULL,
        "seq" integer NOT NULL,
        "bytes" bytea NOT NULL,
        CONSTRAINT "inami_dataset_chunks_pkey" PRIMARY KEY ("version_id", "form", "seq"),
        CONSTRAINT "inami_dataset_chunks_form_check" CHECK ("form" IN ('xml', 'json')),
        CONSTRAINT "inami_dataset_chunks_version_fkey" FOREIGN KEY ("version_id")
          REFERENCES "inami_dataset_versions" ("id") DEFERRABLE INITIALLY DEFERRED
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "inami_dataset_version_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a frozen INAMI dataset version cannot be deleted'
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF (NEW."id", NEW."insurer", NEW."year", NEW."version", NEW."frozen_at", NEW."frozen_by",
            NEW."reason", NEW."events_high_water", NEW."events_at_freeze", NEW."dossiers_read",
            NEW."trajectories_counted", NEW."findings", NEW."xml_sha256", NEW."xml_bytes",
            NEW."json_sha256", NEW."json_bytes")
           IS DISTINCT FROM
           (OLD."id", OLD."insurer", OLD."year", OLD."version", OLD."frozen_at", OLD."frozen_by",
            OLD."reason", OLD."events_high_water", OLD."events_at_freeze", OLD."dossiers_read",
            OLD."trajectories_counted", OLD."findings", OLD."xml_sha256", OLD."xml_bytes",
            OLD."json_sha256", OLD."json_bytes") THEN
          RAISE EXCEPTION 'a frozen INAMI dataset version cannot be altered'
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "inami_dataset_versions_frozen" BEFORE UPDATE OR DELETE
        ON "inami_dataset_versions" FOR EACH ROW EXECUTE FUNCTION "inami_dataset_version_frozen"()`);
    await queryRunner.query(`
      CREATE FUNCTION "inami_dataset_chunk_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the files of a frozen INAMI dataset version cannot be changed'
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "inami_dataset_chunks_frozen" BEFORE UPDATE OR DELETE
        ON "inami_dataset_chunks" FOR EACH ROW EXECUTE FUNCTION "inami_dataset_chunk_frozen"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inami_dataset_chunks"`);
    await queryRunner.query(`DROP FUNCTION "inami_dataset_chunk_frozen"()`);
    await queryRunner.query(`DROP TABLE "inami_dataset_versions"`);
    await queryRunner.query(`DROP FUNCTION "inami_dataset_version_frozen"()`);
  }
}

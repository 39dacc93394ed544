import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The connectors' own tables (ADR 0065): each connector's copy of the dossiers it may translate
 * (`connector_dossier_views`, deleted when the dossier is purged) and the dossier events it already
 * handled (`connector_processed_events`), so a redelivered event never yields a second message.
 * Rows are written only by the connector named in them.
 */
export class CreateConnectorTables1796070000000 implements MigrationInterface {
  name = 'CreateConnectorTables1796070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `version` counts the events applied; an update names the version it read (optimistic
    // concurrency on top of the row lock, like the tracker's projection).
    await queryRunner.query(`
      CREATE TABLE "connector_dossier_views" (
        "connector" text NOT NULL,
        "dossier_id" uuid NOT NULL,
        "insurer" text NOT NULL,
        "version" integer NOT NULL,
        "view" jsonb NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "connector_dossier_views_pkey" PRIMARY KEY ("connector", "dossier_id"),
        CONSTRAINT "connector_dossier_views_version_check" CHECK ("version" > 0)
      )`);
    // CloudEvents ids are unique per source: (source, id) is the event's key.
    await queryRunner.query(`
      CREATE TABLE "connector_processed_events" (
        "connector" text NOT NULL,
        "event_source" text NOT NULL,
        "event_id" text NOT NULL,
        "dossier_id" uuid NOT NULL,
        "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "connector_processed_events_pkey"
          PRIMARY KEY ("connector", "event_source", "event_id")
      )`);
    // The housekeeping job deletes old keys per connector, oldest first.
    await queryRunner.query(
      `CREATE INDEX "connector_processed_events_age_idx"
         ON "connector_processed_events" ("connector", "processed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "connector_processed_events_age_idx"`);
    await queryRunner.query(`DROP TABLE "connector_processed_events"`);
    await queryRunner.query(`DROP TABLE "connector_dossier_views"`);
  }
}

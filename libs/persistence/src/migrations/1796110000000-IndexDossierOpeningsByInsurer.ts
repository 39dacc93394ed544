import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The INAMI dataset build pages through one insurer's dossiers (ADR 0085). Their first events
 * (version 1, one per dossier) indexed by insurer and dossier id make each page an index range
 * of that insurer alone; along the primary key a page walked every event of every insurer.
 */
export class IndexDossierOpeningsByInsurer1796110000000 implements MigrationInterface {
  name = 'IndexDossierOpeningsByInsurer1796110000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "dossier_events_insurer_first_idx" ON "dossier_events" ("insurer", "dossier_id") WHERE "version" = 1`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "dossier_events_insurer_first_idx"`);
  }
}

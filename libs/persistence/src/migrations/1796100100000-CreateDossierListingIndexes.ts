import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset paging of the dossier projection for the tracker's `GET /v1/dossiers` (ADR 0031): newest
 * opened first, the dossier id breaking ties (a batch opens many dossiers at the same instant).
 * `opened_at` never changes, so a page boundary never moves while someone pages.
 */
export class CreateDossierListingIndexes1796100100000 implements MigrationInterface {
  name = 'CreateDossierListingIndexes1796100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "dossiers_insurer_opened_idx" ON "dossiers" ("insurer", "opened_at" DESC, "dossier_id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "dossiers_opened_idx" ON "dossiers" ("opened_at" DESC, "dossier_id" DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "dossiers_opened_idx"`);
    await queryRunner.query(`DROP INDEX "dossiers_insurer_opened_idx"`);
  }
}

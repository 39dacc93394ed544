import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The INAMI dataset's relapse item (ADR 0069) asks, for each dossier, whether the same person
 * opened a later dossier at the same insurer. Their openings (version 1) indexed by insurer and
 * the insured's NISS make that an index lookup per dossier. The NISS is already in the row the
 * index points to; the index holds no data the event store does not.
 */
export class IndexPersonOpenings1797300000000 implements MigrationInterface {
  name = 'IndexPersonOpenings1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "dossier_events_person_openings_idx" ON "dossier_events"
         ("insurer", (("data" -> 'insured' ->> 'niss'))) WHERE "version" = 1`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "dossier_events_person_openings_idx"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery deletes the messages of dossiers the tracker purged (ADR 0032); without an index on
 * the dossier that would read every message kept.
 */
export class IndexDeliveryMessagesByDossier1796095000000 implements MigrationInterface {
  name = 'IndexDeliveryMessagesByDossier1796095000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "delivery_messages_dossier_idx" ON "delivery_messages" ("dossier_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "delivery_messages_dossier_idx"`);
  }
}

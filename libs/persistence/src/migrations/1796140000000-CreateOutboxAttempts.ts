import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows a relay is about to send, committed before the send (ADR 0033). A row that is still
 * pending with an attempt here may already be on its topic (the relay died, or the send failed
 * after the broker appended it): the next relay looks for it on the topic before sending it again.
 * The relay deletes a row's attempt in the transaction that marks it published. No foreign key:
 * the attempt is written beside the relay's open transaction, which holds the outbox row locked.
 */
export class CreateOutboxAttempts1796140000000 implements MigrationInterface {
  name = 'CreateOutboxAttempts1796140000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox_attempts" (
        "seq" bigint NOT NULL,
        "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "outbox_attempts_pkey" PRIMARY KEY ("seq")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox_attempts"`);
  }
}

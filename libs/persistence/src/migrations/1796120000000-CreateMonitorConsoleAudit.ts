import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monitor's record of what people did or tried through the support console (ADR 0092):
 * unmasks with their reason, replays, pauses, and refusals (a viewer trying to replay). Written
 * only by the monitor. Holds no personal data of the insured: ids, the person's `sub`, reasons.
 */
export class CreateMonitorConsoleAudit1796120000000 implements MigrationInterface {
  name = 'CreateMonitorConsoleAudit1796120000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "monitor_console_audit" (
        "id" BIGSERIAL NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "action" text NOT NULL,
        "actor_subject" text NOT NULL,
        "actor_insurer" text,
        "roles" text[] NOT NULL,
        "target" text NOT NULL,
        "reason" text,
        "detail" jsonb,
        CONSTRAINT "monitor_console_audit_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "monitor_console_audit_action_check"
          CHECK ("action" IN ('unmask', 'replay', 'replay-dry-run', 'pause', 'resume', 'denied'))
      )`);
    // "What did this person do" (an incident review, a subject access report).
    await queryRunner.query(
      `CREATE INDEX "monitor_console_audit_actor_idx" ON "monitor_console_audit" ("actor_subject", "recorded_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "monitor_console_audit_actor_idx"`);
    await queryRunner.query(`DROP TABLE "monitor_console_audit"`);
  }
}

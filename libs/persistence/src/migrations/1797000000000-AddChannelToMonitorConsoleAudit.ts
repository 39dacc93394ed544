import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each act in the monitor's audit came in (ADR 0100): the console's session cookie, or a
 * bearer access token (the `rtw` CLI), with the OAuth client the token was issued to. Rows written
 * before are the console's.
 */
export class AddChannelToMonitorConsoleAudit1797000000000 implements MigrationInterface {
  name = 'AddChannelToMonitorConsoleAudit1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "monitor_console_audit"
        ADD COLUMN "channel" text NOT NULL DEFAULT 'console',
        ADD COLUMN "client_id" text,
        ADD CONSTRAINT "monitor_console_audit_channel_check" CHECK ("channel" IN ('console', 'token'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "monitor_console_audit"
        DROP CONSTRAINT "monitor_console_audit_channel_check",
        DROP COLUMN "client_id",
        DROP COLUMN "channel"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The INAMI evaluation's yearly schedule (ADR 0108): one row per insurer and dataset year, with
 * the draft the schedule built in January (its counts and hashes; the files are not kept, a draft
 * is a dry run) and the number of the last reminder sent. A reminder is claimed by moving
 * `reminders` forward with a compare-and-set in the transaction that writes its outbox row, so
 * each reminder period is told once however many instances run the schedule.
 */
export class CreateInamiDatasetSchedule1797200000000 implements MigrationInterface {
  name = 'CreateInamiDatasetSchedule1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inami_dataset_schedule" (
        "insurer" text NOT NULL,
        "year" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "draft_built_at" TIMESTAMP WITH TIME ZONE,
        "draft" jsonb,
        "reminders" integer NOT NULL DEFAULT 0,
        "last_reminded_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "inami_dataset_schedule_pkey" PRIMARY KEY ("insurer", "year"),
        CONSTRAINT "inami_dataset_schedule_reminders_check" CHECK ("reminders" >= 0),
        CONSTRAINT "inami_dataset_schedule_draft_check"
          CHECK (("draft_built_at" IS NULL) = ("draft" IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inami_dataset_schedule"`);
  }
}

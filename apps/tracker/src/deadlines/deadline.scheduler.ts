import { createCloudEvent } from '@rtw/messaging';
import { OutboxWriter, type OutboxMessage } from '@rtw/persistence';
import type { Clock, Logger } from '@rtw/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { HUB_SOURCE, hubEventMessages } from '../notifications/outbox-messages';
import { trackerMetrics } from '../processing/tracker.metrics';
import { RETENTION_RULE_ID } from './deadline.planner';

const CHUNK = 500;

interface DueRow {
  id: string;
  dossier_id: string;
  insurer: string;
  rule_id: string;
  due_on: string;
  started_by: string;
}

/** The calendar date in Belgium at an instant (legal terms run in Belgian days). */
export function belgianDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * Watches the legal clocks: a deadline whose last day passed becomes `missed`, one due within the
 * lead time gets a `due soon` notice; each notice goes to the dossier topic and the insurer, in the
 * same transaction as the row's change, so it is sent exactly once however many tracker instances
 * scan at the same time (rows are claimed with FOR UPDATE SKIP LOCKED). Time comes from the
 * injected clock. The retention clock is the retention job's, not this one's.
 */
export class DeadlineScheduler {
  private readonly outbox = new OutboxWriter();

  constructor(
    private readonly parts: {
      dataSource: DataSource;
      clock: Clock;
      leadDays: number;
      logger: Logger;
    },
  ) {}

  /** One scan; returns how many notices it sent. */
  async scan(): Promise<{ missed: number; dueSoon: number }> {
    const today = belgianDate(this.parts.clock.now());
    let missed = 0;
    let dueSoon = 0;
    for (let claimed = CHUNK; claimed === CHUNK; missed += claimed) {
      claimed = await this.notify('missed', today);
    }
    for (let claimed = CHUNK; claimed === CHUNK; dueSoon += claimed) {
      claimed = await this.notify('due-soon', today);
    }
    if (missed + dueSoon > 0)
      this.parts.logger.info({ missed, dueSoon, today }, 'Deadline notices sent');
    return { missed, dueSoon };
  }

  private notify(kind: 'missed' | 'due-soon', today: string): Promise<number> {
    return this.parts.dataSource.transaction(async (manager) => {
      const rows = await this.claim(manager, kind, today);
      if (rows.length === 0) return 0;
      const now = this.parts.clock.now();
      await manager.query(
        kind === 'missed'
          ? `UPDATE "dossier_deadlines" SET "status" = 'missed', "missed_at" = $2 WHERE "id" = ANY($1::bigint[])`
          : `UPDATE "dossier_deadlines" SET "due_soon_at" = $2 WHERE "id" = ANY($1::bigint[])`,
        [rows.map((row) => row.id), now],
      );
      const messages: OutboxMessage[] = rows.flatMap((row) =>
        hubEventMessages(noticeOf(kind, row, now), { dossierTopic: true, insurer: row.insurer }),
      );
      await this.outbox.add(manager, messages);
      for (const row of rows) trackerMetrics.deadlines.inc({ kind, rule: row.rule_id });
      return rows.length;
    });
  }

  private claim(
    manager: EntityManager,
    kind: 'missed' | 'due-soon',
    today: string,
  ): Promise<DueRow[]> {
    const due =
      kind === 'missed'
        ? `"due_on" < $1::date`
        : `"due_soon_at" IS NULL AND "due_on" >= $1::date AND "due_on" <= $1::date + $3::int`;
    return manager.query(
      `SELECT "id", "dossier_id", "insurer", "rule_id", to_char("due_on", 'YYYY-MM-DD') AS "due_on",
              "started_by"
       FROM "dossier_deadlines"
       WHERE "status" = 'open' AND "rule_id" <> $2 AND ${due}
       ORDER BY "due_on", "id" LIMIT ${CHUNK} FOR UPDATE SKIP LOCKED`,
      kind === 'missed'
        ? [today, RETENTION_RULE_ID]
        : [today, RETENTION_RULE_ID, this.parts.leadDays],
    );
  }
}

function noticeOf(kind: 'missed' | 'due-soon', row: DueRow, now: Date) {
  const type = kind === 'missed' ? 'be.rtw.deadline.missed' : 'be.rtw.deadline.due-soon';
  return createCloudEvent({
    // One notice per deadline and kind: derived ids let consumers discard a relayed copy.
    id: `deadline-${kind}-${row.id}`,
    source: HUB_SOURCE,
    type,
    subject: row.dossier_id,
    time: now.toISOString(),
    dataschema: `urn:rtw:schema:${type}:v1`,
    insurer: row.insurer,
    data: { ruleId: row.rule_id, dueOn: row.due_on, startedBy: row.started_by },
  });
}

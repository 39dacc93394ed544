import type { DataSource } from 'typeorm';
import type { DatabaseSnapshot } from '../sampling/sample.types';

// The tracker's retention clock is a deadline row too, but not a legal term anyone must meet.
const RETENTION_RULE_ID = 'retention-dossier-data';

/**
 * Reads, without writing anything, the tracker's deadlines per insurer with an open deadline or
 * one missed today (open and due within the lead days; marked missed today, Belgian calendar) and delivery's paused organisations. The
 * tables stay their owners' (ARCHITECTURE: owners of shared state); the monitor only counts.
 */
export class DatabaseFiguresReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly leadDays: number,
  ) {}

  async read(now: Date): Promise<DatabaseSnapshot> {
    if (!this.dataSource.isInitialized) throw new Error('database not connected yet');
    const today = belgianDate(now);
    const [deadlines, paused] = await Promise.all([
      this.dataSource.query(
        `SELECT "insurer",
           count(*) FILTER (WHERE "status" = 'open' AND "due_on" >= $1::date
                              AND "due_on" <= $1::date + $2::int)::int AS "due_soon",
           count(*) FILTER (WHERE "status" = 'missed')::int AS "missed_today"
         FROM "dossier_deadlines"
         WHERE "rule_id" <> $3
           AND ("status" = 'open'
             OR ("status" = 'missed'
                 AND "missed_at" >= ($1::date)::timestamp AT TIME ZONE 'Europe/Brussels'))
         GROUP BY "insurer"`,
        [today, this.leadDays, RETENTION_RULE_ID],
      ) as Promise<Array<{ insurer: string; due_soon: number; missed_today: number }>>,
      this.dataSource.query(
        `SELECT "organisation_id" FROM "delivery_organisation_controls" WHERE "paused"`,
      ) as Promise<Array<{ organisation_id: string }>>,
    ]);
    return {
      // Every insurer with a running legal clock, zeros included: a gauge at 0 is a fact, an
      // absent one is a question.
      deadlines: deadlines.map((row) => ({
        insurer: row.insurer,
        dueSoon: row.due_soon,
        missedToday: row.missed_today,
      })),
      pausedOrganisations: new Set(paused.map((row) => row.organisation_id)),
    };
  }
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

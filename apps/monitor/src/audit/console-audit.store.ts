import type { DataSource } from 'typeorm';

/** What a person did, or tried to do, through the console. */
export type ConsoleAction = 'unmask' | 'replay' | 'replay-dry-run' | 'pause' | 'resume';

/** One row of the console's audit log. */
export interface ConsoleAuditEntry {
  readonly action: ConsoleAction | 'denied';
  readonly subject: string;
  readonly insurer: string | null;
  readonly roles: readonly string[];
  /** The console (session cookie) or a bearer token (the `rtw` CLI, ADR 0100); console if absent. */
  readonly channel?: 'console' | 'token';
  /** The OAuth client a bearer token was issued to (e.g. `rtw-cli`). */
  readonly clientId?: string | null;
  /** What was acted on: a dossier id, a dead-letter id or filter, a partner organisation. */
  readonly target: string;
  /** The person's reason; absent on a denied attempt that gave none. */
  readonly reason?: string;
  /** For a denial, the route refused and the code. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * The monitor's audit log (`monitor_console_audit`, ADR 0092): who unmasked, replayed, paused or
 * was refused, when and why. Delivery and the tracker keep their own records of the same acts;
 * this one adds the console's view (the reason given for an unmask, the refusals of a viewer).
 * Holds no personal data of the insured: ids, the person's `sub`, their words.
 */
export class ConsoleAuditStore {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: ConsoleAuditEntry, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "monitor_console_audit"
         ("recorded_at", "action", "actor_subject", "actor_insurer", "roles", "target", "reason", "detail",
          "channel", "client_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        at,
        entry.action,
        entry.subject,
        entry.insurer,
        [...entry.roles],
        entry.target,
        entry.reason ?? null,
        entry.detail ? JSON.stringify(entry.detail) : null,
        entry.channel ?? 'console',
        entry.clientId ?? null,
      ],
    );
  }

  /**
   * The latest rows, newest first (the console's "audit" list), with the subject access requests
   * of `subject_access_audit` (ADR 0097, 0104) among them: that table is their record, written in
   * the transaction that reads the report, so they are not copied here.
   */
  async latest(limit: number): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT "at", "action", "subject", "insurer", "target", "reason", "detail", "channel",
              "clientId" FROM (
         SELECT "recorded_at" AS "at", "action", "actor_subject" AS "subject",
                "actor_insurer" AS "insurer", "target", "reason", "detail", "channel",
                "client_id" AS "clientId", "id"
           FROM "monitor_console_audit"
         UNION ALL
         SELECT "requested_at", 'subject-access', "actor_subject",
                CASE WHEN "actor_organisation" LIKE 'insurer:%'
                     THEN substr("actor_organisation", 9) END,
                'dossiers:' || array_to_string("dossier_ids", ','), "reason",
                jsonb_build_object('outcome', "outcome"), NULL, NULL, "id"
           FROM "subject_access_audit"
       ) AS "entries" ORDER BY "at" DESC, "id" DESC LIMIT $1`,
      [limit],
    );
    return rows;
  }
}

import { HubError } from '@rtw/platform';
import type { TrajectoryState } from '@rtw/domain';
import type { CloudEvent } from '@rtw/messaging';
import type { EntityManager } from 'typeorm';
import type { Append, ProjectionWrite, Refusal, StoredDossier } from '../processing/batch.planner';
import { retentionUntil } from '../retention/retention.policy';

/** Another tracker instance wrote the same dossier meanwhile; the batch is retried. */
export class ConcurrentWriteError extends HubError {
  constructor() {
    super({
      code: 'TRACKER_CONCURRENT_WRITE',
      message: 'A dossier changed while this batch was processed',
      retriable: true,
    });
  }
}

/** The key of an inbound event: CloudEvents ids are unique per source. */
export function eventKey(event: { source: string; id: string }): string {
  return `${event.source} ${event.id}`;
}

/**
 * The tracker's SQL for the event store (`dossier_events`), the refused events and the dossier
 * projection. Every method runs on the batch's transaction.
 */
export class DossierStore {
  /** Keys of the given events already accepted or refused (a redelivery, a replay). */
  async processedKeys(manager: EntityManager, events: readonly CloudEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const params = [events.map((event) => event.source), events.map((event) => event.id)];
    const rows: Array<{ event_source: string; event_id: string }> = await manager.query(
      `WITH k(s, i) AS (SELECT * FROM unnest($1::text[], $2::text[]))
       SELECT e."event_source", e."event_id" FROM "dossier_events" e JOIN k ON e."event_source" = k.s AND e."event_id" = k.i
       UNION ALL
       SELECT r."event_source", r."event_id" FROM "dossier_refusals" r JOIN k ON r."event_source" = k.s AND r."event_id" = k.i`,
      params,
    );
    return new Set(rows.map((row) => eventKey({ source: row.event_source, id: row.event_id })));
  }

  /** The stored dossiers, locked until the batch commits (instances never interleave a dossier). */
  async loadForUpdate(
    manager: EntityManager,
    dossierIds: readonly string[],
  ): Promise<Map<string, StoredDossier>> {
    if (dossierIds.length === 0) return new Map();
    const rows: Array<{ dossier_id: string; version: number; state: TrajectoryState }> =
      await manager.query(
        `SELECT "dossier_id", "version", "state" FROM "dossiers"
         WHERE "dossier_id" = ANY($1::uuid[]) ORDER BY "dossier_id" FOR UPDATE`,
        [dossierIds],
      );
    return new Map(rows.map((row) => [row.dossier_id, { version: row.version, state: row.state }]));
  }

  /**
   * The dossiers of `dossierIds` erased at the end of their retention, with their insurer. Read
   * after `loadForUpdate`: a purge that held one of the locks has committed by then.
   */
  async purgedAmong(
    manager: EntityManager,
    dossierIds: readonly string[],
  ): Promise<Map<string, string>> {
    if (dossierIds.length === 0) return new Map();
    const rows: Array<{ dossier_id: string; insurer: string }> = await manager.query(
      `SELECT "dossier_id", "insurer" FROM "dossier_purges" WHERE "dossier_id" = ANY($1::uuid[])`,
      [dossierIds],
    );
    return new Map(rows.map((row) => [row.dossier_id, row.insurer]));
  }

  /** Appends accepted events; a version taken already means a concurrent writer. */
  async append(manager: EntityManager, appends: readonly Append[], now: Date): Promise<void> {
    if (appends.length === 0) return;
    try {
      await manager.query(
        `INSERT INTO "dossier_events" ("dossier_id", "version", "event_source", "event_id", "type",
           "dataschema", "insurer", "occurred_at", "recorded_at", "correlation_id", "data")
         SELECT d, v, s, i, t, ds, ins, o::timestamptz, $11, c, x
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::text[], $9::text[], $10::jsonb[])
           AS u(d, v, s, i, t, ds, ins, o, c, x)`,
        [
          appends.map((a) => a.dossierId),
          appends.map((a) => a.version),
          appends.map((a) => a.event.source),
          appends.map((a) => a.event.id),
          appends.map((a) => a.event.type),
          appends.map((a) => a.event.dataschema ?? null),
          appends.map((a) => a.event.insurer ?? ''),
          appends.map((a) => a.event.time),
          appends.map((a) => a.event.correlationid ?? null),
          appends.map((a) => JSON.stringify(a.event.data)),
          now,
        ],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new ConcurrentWriteError();
      throw error;
    }
  }

  /** Records refused events, for the timeline and so that a redelivery is recognised. */
  async refuse(manager: EntityManager, refusals: readonly Refusal[], now: Date): Promise<void> {
    if (refusals.length === 0) return;
    await manager.query(
      `INSERT INTO "dossier_refusals" ("dossier_id", "event_source", "event_id", "type", "insurer",
         "reason_code", "message", "refused_at")
       SELECT d, s, i, t, ins, c, m, $8
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS u(d, s, i, t, ins, c, m)
       ON CONFLICT ("event_source", "event_id") DO NOTHING`,
      [
        refusals.map((r) => r.dossierId),
        refusals.map((r) => r.event.source),
        refusals.map((r) => r.event.id),
        refusals.map((r) => r.event.type),
        refusals.map((r) => r.insurer ?? null),
        refusals.map((r) => r.code),
        refusals.map((r) => r.message),
        now,
      ],
    );
  }

  /**
   * Writes the projection: new dossiers inserted, known ones updated only if still at the version
   * the batch read (optimistic concurrency on top of the row lock).
   */
  async project(
    manager: EntityManager,
    writes: readonly ProjectionWrite[],
    now: Date,
  ): Promise<void> {
    const rows = writes.map((write) => ({ ...write, columns: columnsOf(write.state) }));
    const created = rows.filter((row) => row.previousVersion === 0);
    const changed = rows.filter((row) => row.previousVersion > 0);
    const params = (list: typeof rows) => [
      list.map((r) => r.dossierId),
      list.map((r) => r.columns.insurer),
      list.map((r) => r.version),
      list.map((r) => r.columns.status),
      list.map((r) => r.columns.scheme),
      list.map((r) => r.columns.incapacityStart),
      list.map((r) => r.columns.category),
      list.map((r) => r.columns.route),
      list.map((r) => r.columns.amiCase),
      list.map((r) => r.columns.amiStatus),
      list.map((r) => r.columns.closedOn),
      list.map((r) => r.columns.incapacityEndedOn),
      list.map((r) => r.columns.retentionUntil),
      list.map((r) => r.columns.outcome),
      list.map((r) => JSON.stringify(r.state)),
      now,
      list.map((r) => r.previousVersion),
    ];
    const source = `unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[],
        $7::int[], $8::text[], $9::int[], $10::text[], $11::text[], $12::text[], $13::text[],
        $14::text[], $15::jsonb[], $17::int[])
      AS u(d, ins, v, st, sc, inc, cat, rt, ac, ast, co, ie, ru, oc, js, pv)`;
    if (created.length > 0) {
      try {
        await manager.query(
          `INSERT INTO "dossiers" ("dossier_id", "insurer", "version", "status", "scheme",
             "incapacity_start", "category", "route", "ami_case", "ami_status", "closed_on",
             "incapacity_ended_on", "retention_until", "outcome", "state", "opened_at", "updated_at")
           SELECT d, ins, v, st, sc, inc::date, cat, rt, ac, ast, co::date, ie::date, ru::date, oc, js, $16, $16
           FROM ${source}`,
          params(created),
        );
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new ConcurrentWriteError();
        throw error;
      }
    }
    if (changed.length > 0) {
      const result: [unknown, number] = await manager.query(
        `UPDATE "dossiers" AS p SET "insurer" = ins, "version" = v, "status" = st, "scheme" = sc,
           "incapacity_start" = inc::date, "category" = cat, "route" = rt, "ami_case" = ac,
           "ami_status" = ast, "closed_on" = co::date, "incapacity_ended_on" = ie::date,
           "retention_until" = ru::date, "outcome" = oc, "state" = js, "updated_at" = $16
         FROM ${source} WHERE p."dossier_id" = u.d AND p."version" = u.pv`,
        params(changed),
      );
      if (result[1] !== changed.length) throw new ConcurrentWriteError();
    }
  }
}

/** The projection's queryable columns, read off the state (the full state is stored as JSON). */
export function columnsOf(state: TrajectoryState) {
  const endedOn = state.incapacity?.endedOn;
  return {
    insurer: state.insurer ?? '',
    status: state.status,
    scheme: state.scheme ?? null,
    incapacityStart: state.incapacity?.startDate ?? null,
    category: state.capacity?.category ?? null,
    route:
      state.routeA.status === 'referred'
        ? 'A'
        : state.routeB.status === 'accepted' || state.routeB.status === 'requested'
          ? 'B'
          : null,
    amiCase: state.ami.case ?? null,
    amiStatus: state.ami.status,
    closedOn: state.closedOn ?? null,
    incapacityEndedOn: endedOn ?? null,
    retentionUntil: endedOn ? retentionUntil(endedOn) : null,
    outcome: state.trajectoryClosed?.outcome ?? null,
  };
}

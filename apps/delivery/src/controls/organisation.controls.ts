import type { DataSource } from 'typeorm';
import type { Clock } from '@rtw/platform';
import type { PartnerDirectory } from '../directory/partner.directory';
import type { ResilienceRegistry } from '../dispatch/resilience.registry';
import type { CircuitStatus } from '../dispatch/organisation.resilience';
import { DeliveryApiError } from '../http/delivery-api.error';
import type { SupportActor } from '../http/delivery.request';
import { DELIVERY_NOTIFY_CHANNEL } from '../queue/delivery.queue';

/** One organisation as the monitor sees it. */
export interface OrganisationStatus {
  readonly id: string;
  readonly partner: string;
  readonly name: string;
  /** Scheme, host and port of the endpoint (never its path or query, which may hold tokens). */
  readonly endpointOrigin: string;
  readonly mutualTls: boolean;
  readonly paused: boolean;
  /** This instance's breaker and bulkhead (each instance has its own). */
  readonly circuit: CircuitStatus;
  readonly inFlight: number;
  readonly concurrency: number;
  readonly queue: { pending: number; due: number; deadLettered: number; refused: number };
  /** Attempts of all instances over the window. */
  readonly window: {
    readonly ms: number;
    readonly attempts: number;
    readonly successRate: number | null;
    readonly p95LatencyMs: number | null;
  };
}

/**
 * The operators' view and switches per receiving organisation (ADR 0061): status for the monitor,
 * and pause/resume, stored in PostgreSQL so every delivery instance honours them, each change
 * audited with who and why.
 */
export class OrganisationControls {
  constructor(
    private readonly parts: {
      readonly dataSource: DataSource;
      readonly directory: PartnerDirectory;
      readonly resilience: ResilienceRegistry;
      readonly clock: Clock;
      readonly windowMs: number;
    },
  ) {}

  async statuses(): Promise<OrganisationStatus[]> {
    const now = this.parts.clock.now();
    const since = new Date(now.getTime() - this.parts.windowMs);
    const [queue, window, paused] = await Promise.all([
      this.parts.dataSource.query(
        `SELECT "organisation_id",
           count(*) FILTER (WHERE "status" = 'pending')::int AS "pending",
           count(*) FILTER (WHERE "status" = 'pending' AND "next_attempt_at" <= $1)::int AS "due",
           count(*) FILTER (WHERE "status" = 'dead-lettered')::int AS "dead_lettered",
           count(*) FILTER (WHERE "status" = 'refused')::int AS "refused"
         FROM "delivery_messages" WHERE "status" <> 'delivered' GROUP BY "organisation_id"`,
        [now],
      ) as Promise<Array<Record<string, number | string>>>,
      this.parts.dataSource.query(
        `SELECT "organisation_id", count(*)::int AS "attempts",
           (count(*) FILTER (WHERE "outcome" = 'delivered'))::float / count(*) AS "success_rate",
           percentile_cont(0.95) WITHIN GROUP (ORDER BY "latency_ms") AS "p95"
         FROM "delivery_attempts" WHERE "started_at" >= $1 GROUP BY "organisation_id"`,
        [since],
      ) as Promise<Array<Record<string, number | string>>>,
      this.pausedSet(),
    ]);
    const byId = <T extends Record<string, unknown>>(rows: T[]) =>
      new Map(rows.map((row) => [String(row['organisation_id']), row]));
    const queues = byId(queue);
    const windows = byId(window);
    return this.parts.directory.all().map((organisation) => {
      const q = queues.get(organisation.id);
      const w = windows.get(organisation.id);
      const shield = this.parts.resilience.of(organisation.id);
      return {
        id: organisation.id,
        partner: organisation.partner,
        name: organisation.name,
        endpointOrigin: organisation.endpoint.origin,
        mutualTls: organisation.tls !== undefined,
        paused: paused.has(organisation.id),
        circuit: shield.circuit,
        inFlight: shield.inFlight,
        concurrency: organisation.limits.concurrency,
        queue: {
          pending: Number(q?.['pending'] ?? 0),
          due: Number(q?.['due'] ?? 0),
          deadLettered: Number(q?.['dead_lettered'] ?? 0),
          refused: Number(q?.['refused'] ?? 0),
        },
        window: {
          ms: this.parts.windowMs,
          attempts: Number(w?.['attempts'] ?? 0),
          successRate: w ? Number(w['success_rate']) : null,
          p95LatencyMs: w ? Math.round(Number(w['p95'])) : null,
        },
      };
    });
  }

  /** Pauses or resumes deliveries to an organisation; audited; resuming wakes the dispatchers. */
  async set(
    organisationId: string,
    paused: boolean,
    actor: SupportActor & { subject: string },
    reason: string,
  ): Promise<{ organisation: string; paused: boolean; changedAt: string }> {
    if (!this.parts.directory.byId(organisationId))
      throw new DeliveryApiError({
        code: 'ORGANISATION_NOT_FOUND',
        message: 'no organisation with this id',
      });
    const at = this.parts.clock.now();
    await this.parts.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO "delivery_organisation_controls" ("organisation_id", "paused", "changed_at")
         VALUES ($1, $2, $3)
         ON CONFLICT ("organisation_id") DO UPDATE SET "paused" = $2, "changed_at" = $3`,
        [organisationId, paused, at],
      );
      await manager.query(
        `INSERT INTO "delivery_control_audit" ("organisation_id", "action", "actor_organisation",
           "actor_subject", "reason", "at") VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          organisationId,
          paused ? 'pause' : 'resume',
          actor.organisation.id,
          actor.subject,
          reason,
          at,
        ],
      );
      if (!paused) await manager.query('SELECT pg_notify($1, $2)', [DELIVERY_NOTIFY_CHANNEL, '']);
    });
    return { organisation: organisationId, paused, changedAt: at.toISOString() };
  }

  private async pausedSet(): Promise<Set<string>> {
    const rows: Array<{ organisation_id: string }> = await this.parts.dataSource.query(
      `SELECT "organisation_id" FROM "delivery_organisation_controls" WHERE "paused"`,
    );
    return new Set(rows.map((row) => row.organisation_id));
  }
}

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock, Logger } from '@rtw/platform';
import type { DeliveryGate } from '../dispatch/delivery.gate';
import { DeliveryApiError } from '../http/delivery-api.error';
import type { SupportActor } from '../http/delivery.request';
import { DELIVERY_NOTIFY_CHANNEL, toQueuedMessage, updatedRows } from '../queue/delivery.queue';
import type { QueuedMessage } from '../queue/delivery-message.types';
import { failedFilterSql } from './failed-message.filter';
import type { ReplayRequest } from './replay.request';

/** What a replay did (or would do) with one message. */
export type ReplayVerdict = 'requeued' | 'would-requeue' | 'refused' | 'not-found';

/** One message's line in a replay report: metadata and verdict, never the body. */
export interface ReplayItem {
  readonly messageId: string;
  readonly verdict: ReplayVerdict;
  readonly code?: string;
  readonly message?: string;
  readonly organisation?: string;
  readonly partner?: string;
  readonly messageType?: string;
  readonly contract?: string;
  readonly status?: string;
  /** When a requeued message becomes due (the rate cap spreads them). */
  readonly dueAt?: string;
}

/** The answer to a replay request (and what the audit keeps). */
export interface ReplayReport {
  readonly replayId: string;
  readonly dryRun: boolean;
  readonly matched: number;
  readonly requeued: number;
  readonly refused: number;
  readonly items: readonly ReplayItem[];
}

/** Settings of replays. */
export interface ReplaySettings {
  /** Most messages one request may touch (DELIVERY_REPLAY_MAX_MESSAGES). */
  readonly maxMessages: number;
  /** Requeued messages fall due at most this many per second. */
  readonly ratePerSecond: number;
}

const ROW = `m."id", m."seq", m."partner", m."organisation_id", m."dossier_id", m."insurer",
  m."message_type", m."contract", m."content_type", m."referral_id", m."causation_id",
  m."correlation_id", m."event", m."source_topic", m."source_partition", m."source_offset",
  m."attempts", m."round_attempts", m."replays", m."received_at", m."status"`;

/**
 * Replays failed messages (ADR 0061). The selection is capped (a larger one is refused, asking
 * to narrow it); each message is judged again as if new, by the gate: current partner contract,
 * registers (consent and relation now), organisation still known. A dry run reports the verdicts;
 * a real run puts the allowed ones back in the queue, spread at the replay rate, with a fresh
 * retry schedule, and leaves the others failed with the reason. Every request, dry or real, is
 * audited with who, why, what and the verdict per message.
 */
export class ReplayService {
  constructor(
    private readonly parts: {
      readonly dataSource: DataSource;
      readonly gate: DeliveryGate;
      readonly clock: Clock;
      readonly logger: Logger;
      readonly settings: ReplaySettings;
    },
  ) {}

  async replay(
    request: ReplayRequest,
    actor: SupportActor & { subject: string },
  ): Promise<ReplayReport> {
    const cap = Math.min(
      request.maxMessages ?? this.parts.settings.maxMessages,
      this.parts.settings.maxMessages,
    );
    const { found, missing } = await this.select(request, cap);
    const items: ReplayItem[] = missing.map((messageId) => ({
      messageId,
      verdict: 'not-found',
      code: 'MESSAGE_NOT_FOUND',
    }));
    const allowed: Array<{ message: QueuedMessage; item: ReplayItem }> = [];
    for (const { message, status } of found) {
      const item = await this.judge(message, status);
      if (item.verdict === 'would-requeue') allowed.push({ message, item });
      else items.push(item);
    }
    const replayId = randomUUID();
    const requeued = request.dryRun ? allowed.map((a) => a.item) : [];
    await this.parts.dataSource.transaction(async (manager) => {
      if (!request.dryRun) requeued.push(...(await this.requeue(manager, allowed)));
      const all = [...items, ...requeued];
      await manager.query(
        `INSERT INTO "delivery_replays" ("id", "requested_at", "actor_organisation", "actor_subject",
           "reason", "dry_run", "selection", "matched", "requeued", "refused")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          replayId,
          this.parts.clock.now(),
          actor.organisation.id,
          actor.subject,
          request.reason,
          request.dryRun,
          JSON.stringify(request.selection),
          found.length,
          all.filter((i) => i.verdict === 'requeued' || i.verdict === 'would-requeue').length,
          all.filter((i) => i.verdict === 'refused').length,
        ],
      );
      if (all.length > 0)
        await manager.query(
          `INSERT INTO "delivery_replay_items" ("replay_id", "message_id", "verdict", "code")
           SELECT $1, i.message_id, i.verdict, i.code
           FROM unnest($2::text[], $3::text[], $4::text[]) AS i(message_id, verdict, code)`,
          [
            replayId,
            all.map((i) => i.messageId),
            all.map((i) => i.verdict),
            all.map((i) => i.code ?? null),
          ],
        );
      if (!request.dryRun && requeued.some((i) => i.verdict === 'requeued'))
        await manager.query('SELECT pg_notify($1, $2)', [DELIVERY_NOTIFY_CHANNEL, '']);
    });
    const report = this.report(replayId, request.dryRun, found.length, [...items, ...requeued]);
    this.parts.logger.info(
      {
        replayId,
        actorOrganisation: actor.organisation.id,
        dryRun: request.dryRun,
        matched: report.matched,
        requeued: report.requeued,
        refused: report.refused,
      },
      request.dryRun ? 'Replay dry run' : 'Replay requested',
    );
    return report;
  }

  /** A past replay and its verdicts (the audit record). */
  async read(replayId: string): Promise<Record<string, unknown> | undefined> {
    const [row] = (await this.parts.dataSource.query(
      `SELECT * FROM "delivery_replays" WHERE "id"::text = $1`,
      [replayId],
    )) as Array<Record<string, unknown>>;
    if (!row) return undefined;
    const items: Array<Record<string, unknown>> = await this.parts.dataSource.query(
      `SELECT "message_id", "verdict", "code" FROM "delivery_replay_items" WHERE "replay_id" = $1 ORDER BY "message_id"`,
      [row['id']],
    );
    return {
      replayId: row['id'],
      requestedAt: (row['requested_at'] as Date).toISOString(),
      actor: { organisation: row['actor_organisation'], subject: row['actor_subject'] },
      reason: row['reason'],
      dryRun: row['dry_run'],
      selection: row['selection'],
      matched: row['matched'],
      requeued: row['requeued'],
      refused: row['refused'],
      items: items.map((item) => ({
        messageId: item['message_id'],
        verdict: item['verdict'],
        code: item['code'],
      })),
    };
  }

  private async select(
    request: ReplayRequest,
    cap: number,
  ): Promise<{ found: Array<{ message: QueuedMessage; status: string }>; missing: string[] }> {
    const { selection } = request;
    let rows: Array<Record<string, unknown>>;
    if ('ids' in selection) {
      if (selection.ids.length > cap) throw tooLarge(selection.ids.length, cap, 'split the list');
      rows = await this.parts.dataSource.query(
        `SELECT ${ROW} FROM "delivery_messages" m WHERE m."id" = ANY($1) ORDER BY m."seq"`,
        [selection.ids],
      );
    } else {
      const { clause, params } = failedFilterSql(selection.filter);
      rows = await this.parts.dataSource.query(
        `SELECT ${ROW} FROM "delivery_messages" m WHERE ${clause} ORDER BY m."seq" LIMIT $${params.length + 1}`,
        [...params, cap + 1],
      );
      if (rows.length > cap) throw tooLarge(rows.length, cap, 'narrow the filter');
    }
    const found = rows.map((row) => ({
      message: toQueuedMessage(row),
      status: String(row['status']),
    }));
    const known = new Set(found.map((f) => f.message.id));
    const missing = 'ids' in selection ? selection.ids.filter((id) => !known.has(id)) : [];
    return { found, missing };
  }

  private async judge(message: QueuedMessage, status: string): Promise<ReplayItem> {
    const base = {
      messageId: message.id,
      organisation: message.organisationId,
      partner: message.partner,
      messageType: message.messageType,
      contract: message.contract,
      status,
    };
    if (status !== 'dead-lettered' && status !== 'refused')
      return {
        ...base,
        verdict: 'refused',
        code: 'NOT_FAILED',
        message: `the message is ${status}, not failed`,
      };
    const verdict = await this.parts.gate.judge(message, { checkContract: true });
    if (verdict.kind === 'send') return { ...base, verdict: 'would-requeue' };
    if (verdict.kind === 'later')
      return {
        ...base,
        verdict: 'refused',
        code: verdict.code,
        message: 'a dependency is away; try later',
      };
    return {
      ...base,
      verdict: 'refused',
      code: verdict.code,
      message: verdict.pointer ? `${verdict.message} at ${verdict.pointer}` : verdict.message,
    };
  }

  /** Puts the allowed messages back, spread at the replay rate; a message replayed meanwhile is refused. */
  private async requeue(
    manager: { query: DataSource['query'] },
    allowed: ReadonlyArray<{ message: QueuedMessage; item: ReplayItem }>,
  ): Promise<ReplayItem[]> {
    const now = this.parts.clock.now().getTime();
    const items: ReplayItem[] = [];
    for (const [index, { message, item }] of allowed.entries()) {
      const dueAt = new Date(now + Math.floor((index * 1000) / this.parts.settings.ratePerSecond));
      const rows = updatedRows(
        await manager.query(
          `UPDATE "delivery_messages" SET "status" = 'pending', "round_attempts" = 0,
             "replays" = "replays" + 1, "next_attempt_at" = $2, "failed_at" = NULL,
             "reason_code" = NULL, "reason_message" = NULL, "lease_owner" = NULL, "lease_until" = NULL,
             "updated_at" = $3
           WHERE "id" = $1 AND "status" IN ('dead-lettered', 'refused') RETURNING "id"`,
          [message.id, dueAt, new Date(now)],
        ),
      );
      items.push(
        rows.length > 0
          ? { ...item, verdict: 'requeued', dueAt: dueAt.toISOString() }
          : {
              ...item,
              verdict: 'refused',
              code: 'NOT_FAILED',
              message: 'replayed by another request meanwhile',
            },
      );
    }
    return items;
  }

  private report(
    replayId: string,
    dryRun: boolean,
    matched: number,
    items: ReplayItem[],
  ): ReplayReport {
    return {
      replayId,
      dryRun,
      matched,
      requeued: items.filter((i) => i.verdict === 'requeued' || i.verdict === 'would-requeue')
        .length,
      refused: items.filter((i) => i.verdict === 'refused').length,
      items,
    };
  }
}

function tooLarge(count: number, cap: number, hint: string): DeliveryApiError {
  return new DeliveryApiError({
    code: 'REPLAY_TOO_LARGE',
    message: `${count > cap ? `more than ${cap}` : count} messages match; one replay takes at most ${cap}: ${hint}`,
  });
}

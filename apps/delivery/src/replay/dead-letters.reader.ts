import type { DataSource } from 'typeorm';
import { MESSAGE_STATUSES, type MessageStatus } from '../queue/delivery-message.types';
import { invalidQuery } from '../http/delivery-api.error';
import {
  failedFilterSql,
  parseFailedFilter,
  type FailedMessageFilter,
} from './failed-message.filter';
import { PARTNERS } from '@rtw/messaging';

/** A message as listed for support: metadata only, never the body. */
export interface MessageSummary {
  readonly id: string;
  readonly partner: string;
  readonly organisation: string;
  readonly dossierId: string;
  readonly insurer: string;
  readonly messageType: string;
  readonly contract: string;
  readonly status: MessageStatus;
  readonly reasonCode: string | null;
  readonly reasonMessage: string | null;
  readonly attempts: number;
  readonly replays: number;
  readonly lastHttpStatus: number | null;
  readonly lastErrorCode: string | null;
  readonly receivedAt: string;
  readonly nextAttemptAt: string | null;
  readonly deliveredAt: string | null;
  readonly failedAt: string | null;
}

/** One page of a listing, with the cursor of the next one. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

const SUMMARY = `m."id", m."partner", m."organisation_id", m."dossier_id", m."insurer", m."message_type",
  m."contract", m."status", m."reason_code", m."reason_message", m."attempts", m."replays",
  m."last_http_status", m."last_error_code", m."received_at", m."next_attempt_at", m."delivered_at",
  m."failed_at"`;

/** Paging of listings: how many per page, and from where (an opaque cursor). */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: { readonly at: string; readonly id: string };
}

/**
 * Reads the queue for support (ADR 0061): failed messages with their reason, one message with
 * every attempt and replay, and messages by status. Bodies never leave: they may carry personal
 * data, and diagnosing a failure needs the attempts, not the content.
 */
export class DeadLettersReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Failed messages (dead-lettered or refused), newest failure first. */
  async list(filter: FailedMessageFilter, page: PageRequest): Promise<Page<MessageSummary>> {
    const { clause, params } = failedFilterSql(filter);
    return this.page(clause, params, page, 'failed_at');
  }

  /** Messages by partner, organisation and status, newest first. */
  async deliveries(
    where: { partner?: string; organisation?: string; status?: MessageStatus },
    page: PageRequest,
  ): Promise<Page<MessageSummary>> {
    const conditions = ['TRUE'];
    const params: unknown[] = [];
    for (const [column, value] of [
      ['partner', where.partner],
      ['organisation_id', where.organisation],
      ['status', where.status],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      conditions.push(`m."${column}" = $${params.length}`);
    }
    return this.page(conditions.join(' AND '), params, page, 'received_at');
  }

  /** One message that failed at least once (now failed, or replayed since), with its history. */
  async detail(id: string): Promise<Record<string, unknown> | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${SUMMARY}, m."content_type", m."referral_id", m."causation_id", m."correlation_id",
              m."source_topic", m."source_partition", m."source_offset"
       FROM "delivery_messages" m
       WHERE m."id" = $1 AND (m."status" IN ('dead-lettered', 'refused') OR m."replays" > 0)`,
      [id],
    )) as Array<Record<string, unknown>>;
    if (!row) return undefined;
    const attempts: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT "attempt_no", "round", "started_at", "latency_ms", "outcome", "http_status", "error_code",
              "request", "response_headers", "response_excerpt"
       FROM "delivery_attempts" WHERE "message_id" = $1 ORDER BY "attempt_no", "id"`,
      [id],
    );
    const replays: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT r."id", r."requested_at", r."actor_organisation", r."actor_subject", r."reason", r."dry_run",
              i."verdict", i."code"
       FROM "delivery_replay_items" i JOIN "delivery_replays" r ON r."id" = i."replay_id"
       WHERE i."message_id" = $1 ORDER BY r."requested_at"`,
      [id],
    );
    return {
      ...summaryOf(row),
      contentType: row['content_type'],
      referralId: row['referral_id'],
      causationId: row['causation_id'],
      correlationId: row['correlation_id'],
      source: {
        topic: row['source_topic'],
        partition: row['source_partition'],
        offset: row['source_offset'],
      },
      attemptLog: attempts.map((attempt) => ({
        attempt: attempt['attempt_no'],
        round: attempt['round'],
        startedAt: iso(attempt['started_at']),
        latencyMs: attempt['latency_ms'],
        outcome: attempt['outcome'],
        httpStatus: attempt['http_status'],
        errorCode: attempt['error_code'],
        request: attempt['request'],
        responseHeaders: attempt['response_headers'],
        responseExcerpt: attempt['response_excerpt'],
      })),
      replayHistory: replays.map((replay) => ({
        replayId: replay['id'],
        requestedAt: iso(replay['requested_at']),
        actor: { organisation: replay['actor_organisation'], subject: replay['actor_subject'] },
        reason: replay['reason'],
        dryRun: replay['dry_run'],
        verdict: replay['verdict'],
        code: replay['code'],
      })),
    };
  }

  private async page(
    clause: string,
    params: unknown[],
    page: PageRequest,
    order: 'failed_at' | 'received_at',
  ): Promise<Page<MessageSummary>> {
    const all = [...params];
    let where = clause;
    if (page.cursor) {
      all.push(page.cursor.at, page.cursor.id);
      where += ` AND (m."${order}", m."id") < ($${all.length - 1}::timestamptz, $${all.length})`;
    }
    all.push(page.limit + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${SUMMARY} FROM "delivery_messages" m WHERE ${where}
       ORDER BY m."${order}" DESC, m."id" DESC LIMIT $${all.length}`,
      all,
    );
    const items = rows.slice(0, page.limit).map(summaryOf);
    const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
    return {
      items,
      nextCursor: last ? encodeCursor({ at: iso(last[order])!, id: String(last['id']) }) : null,
    };
  }
}

/** The listing parameters of `GET /v1/dead-letters`. */
export function parseDeadLetterQuery(query: Readonly<Record<string, unknown>>): {
  filter: FailedMessageFilter;
  page: PageRequest;
} {
  return { filter: parseFailedFilter(query, 'query'), page: parsePage(query) };
}

/** The listing parameters of `GET /v1/deliveries`. */
export function parseDeliveriesQuery(query: Readonly<Record<string, unknown>>): {
  where: { partner?: string; organisation?: string; status?: MessageStatus };
  page: PageRequest;
} {
  const { partner, organisation, status } = query;
  if (partner !== undefined && !(PARTNERS as readonly unknown[]).includes(partner))
    throw invalidQuery('partner', `must be one of ${PARTNERS.join(', ')}`);
  if (
    organisation !== undefined &&
    (typeof organisation !== 'string' ||
      !/^(cpmt|regional|inami):[a-z0-9]{1,32}$/.test(organisation))
  )
    throw invalidQuery('organisation', 'must be <kind>:<code>');
  if (status !== undefined && !(MESSAGE_STATUSES as readonly unknown[]).includes(status))
    throw invalidQuery('status', `must be one of ${MESSAGE_STATUSES.join(', ')}`);
  return {
    where: {
      ...(partner ? { partner: partner as string } : {}),
      ...(organisation ? { organisation: organisation as string } : {}),
      ...(status ? { status: status as MessageStatus } : {}),
    },
    page: parsePage(query),
  };
}

function parsePage(query: Readonly<Record<string, unknown>>): PageRequest {
  const rawLimit = query['limit'] ?? '50';
  if (
    typeof rawLimit !== 'string' ||
    !/^\d{1,3}$/.test(rawLimit) ||
    Number(rawLimit) < 1 ||
    Number(rawLimit) > 200
  )
    throw invalidQuery('limit', 'must be a whole number from 1 to 200');
  const rawCursor = query['cursor'];
  if (rawCursor === undefined) return { limit: Number(rawLimit) };
  const cursor = typeof rawCursor === 'string' ? decodeCursor(rawCursor) : undefined;
  if (!cursor) throw invalidQuery('cursor', 'is not a cursor this API gave');
  return { limit: Number(rawLimit), cursor };
}

function encodeCursor(cursor: { at: string; id: string }): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

function decodeCursor(text: string): { at: string; id: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      !Number.isNaN(Date.parse(value[0])) &&
      typeof value[1] === 'string' &&
      value[1].length <= 64
    )
      return { at: value[0], id: value[1] };
  } catch {
    return undefined;
  }
  return undefined;
}

function summaryOf(row: Record<string, unknown>): MessageSummary {
  return {
    id: String(row['id']),
    partner: String(row['partner']),
    organisation: String(row['organisation_id']),
    dossierId: String(row['dossier_id']),
    insurer: String(row['insurer']),
    messageType: String(row['message_type']),
    contract: String(row['contract']),
    status: row['status'] as MessageStatus,
    reasonCode: (row['reason_code'] as string | null) ?? null,
    reasonMessage: (row['reason_message'] as string | null) ?? null,
    attempts: Number(row['attempts']),
    replays: Number(row['replays']),
    lastHttpStatus: (row['last_http_status'] as number | null) ?? null,
    lastErrorCode: (row['last_error_code'] as string | null) ?? null,
    receivedAt: iso(row['received_at'])!,
    nextAttemptAt: iso(row['next_attempt_at']),
    deliveredAt: iso(row['delivered_at']),
    failedAt: iso(row['failed_at']),
  };
}

function iso(value: unknown): string | null {
  return value instanceof Date
    ? value.toISOString()
    : value === null || value === undefined
      ? null
      : String(value);
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ConsoleAuditService } from '../audit/console-audit.service';
import { actorOf, sessionOf } from '../auth/console-session.types';
import { HubStaffOnly, RequireRole } from '../auth/public-route.decorator';
import { invalidRequest } from '../http/monitor-api.error';
import { forwardedQuery, reasonOf, uuidParam } from '../http/request-input';
import { DeliveryApi } from '../support-apis/support-api.client';

const FILTERS = ['partner', 'organisation', 'type', 'code', 'from', 'to'] as const;

/**
 * Dead letters and replays, on delivery's support API (ADR 0061) as the logged-in person:
 * metadata, reasons and attempts, never bodies. A replay is a dry run unless `dryRun: false`,
 * needs the operator role and a reason, is capped by `maxMessages` (and delivery's own cap), and is
 * audited here before delivery audits it again.
 */
@Controller('v1')
@HubStaffOnly()
export class DeadLettersController {
  constructor(
    private readonly delivery: DeliveryApi,
    private readonly audit: ConsoleAuditService,
  ) {}

  @Get('dead-letters')
  list(@Req() request: Request, @Query() query: Record<string, unknown>): Promise<unknown> {
    const search = forwardedQuery(query, [...FILTERS, 'limit', 'cursor']);
    return this.delivery.get(`/v1/dead-letters${search}`, personOf(request));
  }

  @Get('dead-letters/:id')
  show(@Req() request: Request, @Param('id') id: string): Promise<unknown> {
    return this.delivery.get(`/v1/dead-letters/${uuidParam('id', id)}`, personOf(request));
  }

  @Post('replays')
  @HttpCode(200)
  @RequireRole('operator')
  async replay(@Req() request: Request, @Body() body: unknown): Promise<unknown> {
    const session = sessionOf(request);
    const replay = replayRequestOf(body);
    await this.audit.beforeAct({
      action: replay.dryRun ? 'replay-dry-run' : 'replay',
      ...actorOf(session),
      target: replay.ids
        ? `ids:${replay.ids.join(',')}`
        : `filter:${JSON.stringify(replay.filter)}`,
      reason: replay.reason,
      detail: { maxMessages: replay.maxMessages ?? null },
    });
    return this.delivery.post('/v1/replays', personOf(request), replay);
  }

  @Get('replays/:id')
  replayReport(@Req() request: Request, @Param('id') id: string): Promise<unknown> {
    return this.delivery.get(`/v1/replays/${uuidParam('id', id)}`, personOf(request));
  }
}

interface ReplayRequest {
  ids?: string[];
  filter?: Record<string, string>;
  reason: string;
  dryRun: boolean;
  maxMessages?: number;
}

/** Checks what the console sends before it is audited and passed on (delivery checks again). */
function replayRequestOf(body: unknown): ReplayRequest {
  const input = (body ?? {}) as Record<string, unknown>;
  const reason = reasonOf(input);
  const dryRun = input['dryRun'] ?? true;
  if (typeof dryRun !== 'boolean') throw invalidRequest('dryRun', 'must be true or false');
  const maxMessages = input['maxMessages'];
  if (maxMessages !== undefined && (!Number.isInteger(maxMessages) || (maxMessages as number) < 1))
    throw invalidRequest('maxMessages', 'must be a positive whole number');
  const ids = input['ids'];
  const filter = input['filter'];
  if ((ids === undefined) === (filter === undefined))
    throw invalidRequest('ids', 'or filter must be given, not both');
  const request: ReplayRequest = {
    reason,
    dryRun,
    ...(maxMessages ? { maxMessages: maxMessages as number } : {}),
  };
  if (ids !== undefined) {
    if (!Array.isArray(ids) || ids.length === 0)
      throw invalidRequest('ids', 'must list dead-letter ids');
    return { ...request, ids: ids.map((id, index) => uuidParam(`ids[${index}]`, String(id))) };
  }
  if (typeof filter !== 'object' || filter === null)
    throw invalidRequest('filter', 'must be an object');
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(filter)) {
    if (!(FILTERS as readonly string[]).includes(name))
      throw invalidRequest(`filter.${name}`, 'is not a replay filter');
    if (typeof value !== 'string' || value === '')
      throw invalidRequest(`filter.${name}`, 'must be text');
    checked[name] = value;
  }
  return { ...request, filter: checked };
}

function personOf(request: Request) {
  const session = sessionOf(request);
  return { subject: session.subject, roles: session.roles };
}

import { Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { OrganisationControls } from '../controls/organisation.controls';
import {
  DeadLettersReader,
  parseDeadLetterQuery,
  parseDeliveriesQuery,
} from '../replay/dead-letters.reader';
import { parseReplayRequest } from '../replay/replay.request';
import { ReplayService } from '../replay/replay.service';
import { DeliveryApiError, invalidRequest } from './delivery-api.error';
import { auditedActorOf, type DeliveryRequest } from './delivery.request';
import { RequiresRole, SupportGuard, sendJson } from '@rtw/support-api';
import { ReplaySettingsToken, type ReplayLimits } from './replay-settings';

/** Failed messages for support: list with reasons, and one with its attempts and replays. */
@Controller('v1/dead-letters')
@UseGuards(SupportGuard)
export class DeadLettersController {
  constructor(private readonly reader: DeadLettersReader) {}

  @Get()
  async list(@Req() request: DeliveryRequest, @Res() response: ServerResponse): Promise<void> {
    const { filter, page } = parseDeadLetterQuery(request.query ?? {});
    sendJson(response, 200, await this.reader.list(filter, page));
  }

  @Get(':id')
  async one(@Param('id') id: string, @Res() response: ServerResponse): Promise<void> {
    const detail = await this.reader.detail(id);
    if (!detail)
      throw new DeliveryApiError({
        code: 'DEAD_LETTER_NOT_FOUND',
        message: 'no failed message with this id',
      });
    sendJson(response, 200, detail);
  }
}

/** Messages by partner, organisation and status (queue inspection for the monitor). */
@Controller('v1/deliveries')
@UseGuards(SupportGuard)
export class DeliveriesController {
  constructor(private readonly reader: DeadLettersReader) {}

  @Get()
  async list(@Req() request: DeliveryRequest, @Res() response: ServerResponse): Promise<void> {
    const { where, page } = parseDeliveriesQuery(request.query ?? {});
    sendJson(response, 200, await this.reader.deliveries(where, page));
  }
}

/** Replays of failed messages: dry run by default, audited, capped (ADR 0061). */
@Controller('v1/replays')
@UseGuards(SupportGuard)
export class ReplaysController {
  constructor(
    private readonly replays: ReplayService,
    @Inject(ReplaySettingsToken) private readonly limits: ReplayLimits,
  ) {}

  @Post()
  @RequiresRole('operator')
  async replay(@Req() request: DeliveryRequest, @Res() response: ServerResponse): Promise<void> {
    assertJson(request);
    const actor = auditedActorOf(request);
    const replay = parseReplayRequest(request.body, this.limits.maxMessages);
    sendJson(response, 200, await this.replays.replay(replay, actor));
  }

  @Get(':id')
  async one(@Param('id') id: string, @Res() response: ServerResponse): Promise<void> {
    const replay = /^[0-9a-f-]{36}$/.test(id) ? await this.replays.read(id) : undefined;
    if (!replay)
      throw new DeliveryApiError({ code: 'REPLAY_NOT_FOUND', message: 'no replay with this id' });
    sendJson(response, 200, replay);
  }
}

/** Receiving organisations: status for the monitor, pause and resume for operators. */
@Controller('v1/partners')
@UseGuards(SupportGuard)
export class PartnersController {
  constructor(private readonly controls: OrganisationControls) {}

  @Get()
  async list(@Res() response: ServerResponse): Promise<void> {
    sendJson(response, 200, { items: await this.controls.statuses() });
  }

  @Post(':id/pause')
  @RequiresRole('operator')
  async pause(
    @Param('id') id: string,
    @Req() request: DeliveryRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    sendJson(
      response,
      200,
      await this.controls.set(id, true, auditedActorOf(request), reasonOf(request)),
    );
  }

  @Post(':id/resume')
  @RequiresRole('operator')
  async resume(
    @Param('id') id: string,
    @Req() request: DeliveryRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    sendJson(
      response,
      200,
      await this.controls.set(id, false, auditedActorOf(request), reasonOf(request)),
    );
  }
}

function assertJson(request: DeliveryRequest): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw new DeliveryApiError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'send application/json',
    });
}

/** The audited reason of a pause or resume: `{ "reason": "10 to 500 characters" }`. */
function reasonOf(request: DeliveryRequest): string {
  assertJson(request);
  const body = request.body as { reason?: unknown } | undefined;
  const reason = body?.reason;
  if (typeof reason !== 'string' || reason.trim().length < 10 || reason.length > 500)
    throw invalidRequest('/reason', 'say why in 10 to 500 characters');
  return reason.trim();
}

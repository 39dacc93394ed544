import {
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import {
  BATCH_MEDIA_TYPE,
  EventStatusReader,
  IngressError,
  SINGLE_EVENT_MEDIA_TYPE,
  SubmissionService,
  assertMediaType,
  parseBatchBody,
  parseSingleEventBody,
  readRequestBody,
} from '@rtw/ingress';
import { HUB_CONFIG, noteProblemCode } from '@rtw/runtime';
import type { GatewayConfig } from '../config/gateway.config';
import { AuthenticationGuard } from './authentication.guard';
import { callerOf, type GatewayRequest } from './gateway.request';
import { sendJson } from './json.response';
import { ProblemFilter } from './problem.filter';
import { RateLimitGuard } from './rate-limit.guard';
import { batchResponse, singleEventResponse, type ApiResponse } from './submission.responses';

/** The submission API: one event, a batch, and the status of an event (docs: schemas/openapi). */
@Controller('v1/events')
@UseGuards(AuthenticationGuard, RateLimitGuard)
@UseFilters(ProblemFilter)
export class EventsController {
  constructor(
    private readonly submissions: SubmissionService,
    private readonly statuses: EventStatusReader,
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  async submitOne(@Req() request: GatewayRequest, @Res() response: ServerResponse): Promise<void> {
    assertMediaType(request.headers['content-type'], SINGLE_EVENT_MEDIA_TYPE);
    const body = await readRequestBody(request, {
      limit: this.config.GATEWAY_EVENT_MAX_BYTES,
      declaredLength: request.headers['content-length'],
    });
    const candidate = parseSingleEventBody(body);
    const [outcome] = await this.submissions.submit(callerOf(request).organisation, 'http', [
      candidate,
    ]);
    send(response, singleEventResponse(outcome!));
  }

  @Post('batch')
  async submitBatch(
    @Req() request: GatewayRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    assertMediaType(request.headers['content-type'], BATCH_MEDIA_TYPE);
    const body = await readRequestBody(request, {
      limit: this.config.GATEWAY_BATCH_MAX_BYTES,
      declaredLength: request.headers['content-length'],
    });
    const candidates = parseBatchBody(body, this.config.GATEWAY_BATCH_MAX_EVENTS);
    send(
      response,
      batchResponse(
        await this.submissions.submit(callerOf(request).organisation, 'http', candidates),
      ),
    );
  }

  @Get(':id')
  async status(
    @Req() request: GatewayRequest,
    @Param('id') id: string,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const status = await this.statuses.read(callerOf(request).organisation, id);
    if (!status)
      throw new IngressError({
        code: 'EVENT_NOT_FOUND',
        message: 'no event with this id from the caller',
      });
    sendJson(response, 200, status);
  }
}

function send(response: ServerResponse, answer: ApiResponse): void {
  if (answer.code !== undefined) noteProblemCode(response, answer.code);
  sendJson(response, answer.status, answer.body, answer.headers);
}

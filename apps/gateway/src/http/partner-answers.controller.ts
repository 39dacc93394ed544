import { Controller, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { readRequestBody } from '@rtw/ingress';
import { HUB_CONFIG, noteProblemCode } from '@rtw/runtime';
import type { GatewayConfig } from '../config/gateway.config';
import { PartnerAnswerService } from '../partner-answers/partner-answer.service';
import { AuthenticationGuard } from './authentication.guard';
import { callerOf, type GatewayRequest } from './gateway.request';
import { sendJson } from './json.response';
import { ProblemFilter } from './problem.filter';
import { RateLimitGuard } from './rate-limit.guard';
import { partnerAnswerResponse } from './submission.responses';

/**
 * Partner answers in the partner's own format (ADR 0070): a CPMT or regional service posts its
 * answer document as XML or JSON; it becomes a canonical event on the same path as `/v1/events`.
 */
@Controller('v1/partner-answers')
@UseGuards(AuthenticationGuard, RateLimitGuard)
@UseFilters(ProblemFilter)
export class PartnerAnswersController {
  constructor(
    private readonly answers: PartnerAnswerService,
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  async receive(@Req() request: GatewayRequest, @Res() response: ServerResponse): Promise<void> {
    const { organisation } = callerOf(request);
    // Who may answer and in which media type are known before a byte of the body is read.
    this.answers.contractOf(organisation);
    const contentType = request.headers['content-type'];
    this.answers.mediaTypeOf(contentType);
    const body = await readRequestBody(request, {
      limit: this.config.GATEWAY_ANSWER_MAX_BYTES,
      declaredLength: request.headers['content-length'],
    });
    const answer = partnerAnswerResponse(
      await this.answers.receive(organisation, { body, contentType }),
    );
    if (answer.code !== undefined) noteProblemCode(response, answer.code);
    sendJson(response, answer.status, answer.body, answer.headers);
  }
}

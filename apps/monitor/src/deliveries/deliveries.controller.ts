import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ConsoleAuditService } from '../audit/console-audit.service';
import { actorOf, sessionOf } from '../auth/console-session.types';
import { HubStaffOnly, RequireRole } from '../auth/public-route.decorator';
import { invalidRequest } from '../http/monitor-api.error';
import { forwardedQuery, reasonOf } from '../http/request-input';
import { DeliveryApi } from '../support-apis/support-api.client';

const ORGANISATION_ID = /^[a-z]+:[A-Za-z0-9-]{1,64}$/;

/**
 * Deliveries per partner (recent attempts, failures by reason, circuit state) and pausing or
 * resuming a partner, on delivery's support API (ADR 0061). Pause and resume need the operator
 * role and a reason, audited here before delivery audits them again.
 */
@Controller('v1')
@HubStaffOnly()
export class DeliveriesController {
  constructor(
    private readonly delivery: DeliveryApi,
    private readonly audit: ConsoleAuditService,
  ) {}

  @Get('deliveries')
  list(@Req() request: Request, @Query() query: Record<string, unknown>): Promise<unknown> {
    const search = forwardedQuery(query, ['partner', 'organisation', 'status', 'limit', 'cursor']);
    return this.delivery.get(`/v1/deliveries${search}`, personOf(request));
  }

  @Get('partners')
  partners(@Req() request: Request): Promise<unknown> {
    return this.delivery.get('/v1/partners', personOf(request));
  }

  @Post('partners/:id/pause')
  @HttpCode(200)
  @RequireRole('operator')
  pause(@Req() request: Request, @Param('id') id: string, @Body() body: unknown): Promise<unknown> {
    return this.control(request, 'pause', id, body);
  }

  @Post('partners/:id/resume')
  @HttpCode(200)
  @RequireRole('operator')
  resume(
    @Req() request: Request,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.control(request, 'resume', id, body);
  }

  private async control(
    request: Request,
    action: 'pause' | 'resume',
    id: string,
    body: unknown,
  ): Promise<unknown> {
    if (!ORGANISATION_ID.test(id))
      throw invalidRequest('id', 'must be an organisation id <kind>:<code>');
    const session = sessionOf(request);
    const reason = reasonOf(body);
    await this.audit.beforeAct({
      action,
      ...actorOf(session),
      target: id,
      reason,
    });
    return this.delivery.post(
      `/v1/partners/${encodeURIComponent(id)}/${action}`,
      personOf(request),
      { reason },
    );
  }
}

function personOf(request: Request) {
  const session = sessionOf(request);
  return { subject: session.subject, roles: session.roles };
}

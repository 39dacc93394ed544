import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { SupportRole } from '@rtw/ingress';
import { ConsoleAuditService } from '../audit/console-audit.service';
import { actorOf, sessionOf, type ConsoleSession } from '../auth/console-session.types';
import { RequireRole } from '../auth/public-route.decorator';
import { MonitorApiError } from '../http/monitor-api.error';
import { forwardedQuery, reasonOf, uuidParam } from '../http/request-input';
import { TrackerApi } from '../support-apis/support-api.client';

interface Timeline {
  dossierId: string;
  identityShown: boolean;
  dossier: { insurer: string } | null;
  [key: string]: unknown;
}

/**
 * Dossiers and their timelines, from the tracker's API (ADR 0031) as the logged-in person. Identity
 * is masked by default whatever the person's roles (the privacy-officer role is left out of the
 * token); it is shown only through the unmask route, with a reason, audited first. An insurer's
 * staff see only their insurer's dossiers.
 */
@Controller('v1/dossiers')
export class DossiersController {
  constructor(
    private readonly tracker: TrackerApi,
    private readonly audit: ConsoleAuditService,
  ) {}

  @Get()
  async list(@Req() request: Request, @Query() query: Record<string, unknown>): Promise<unknown> {
    const session = sessionOf(request);
    const scoped = session.insurer === null ? query : { ...query, insurer: session.insurer };
    const search = forwardedQuery(scoped, ['insurer', 'state', 'limit', 'cursor']);
    return this.tracker.get(`/v1/dossiers${search}`, masked(session));
  }

  @Get(':dossierId/timeline')
  async timeline(
    @Req() request: Request,
    @Param('dossierId') dossierId: string,
  ): Promise<Timeline> {
    const session = sessionOf(request);
    const id = uuidParam('dossierId', dossierId);
    return inScope(
      session,
      await this.tracker.get<Timeline>(`/v1/dossiers/${id}/timeline`, masked(session)),
    );
  }

  @Post(':dossierId/unmask')
  @HttpCode(200)
  @RequireRole('privacy-officer')
  async unmask(
    @Req() request: Request,
    @Param('dossierId') dossierId: string,
    @Body() body: unknown,
  ): Promise<Timeline> {
    const session = sessionOf(request);
    const id = uuidParam('dossierId', dossierId);
    const reason = reasonOf(body);
    await this.audit.beforeAct({
      action: 'unmask',
      ...actorOf(session),
      target: id,
      reason,
    });
    const who = { subject: session.subject, roles: session.roles };
    return inScope(session, await this.tracker.get<Timeline>(`/v1/dossiers/${id}/timeline`, who));
  }
}

/** The person with every role but privacy-officer: the tracker masks identity then. */
function masked(session: ConsoleSession): { subject: string; roles: SupportRole[] } {
  const roles = session.roles.filter((role) => role !== 'privacy-officer');
  return { subject: session.subject, roles: roles.length > 0 ? roles : ['viewer'] };
}

/** Another insurer's dossier is, for an insurer's staff, a dossier that does not exist. */
function inScope(session: ConsoleSession, timeline: Timeline): Timeline {
  if (session.insurer !== null && timeline.dossier?.insurer !== session.insurer)
    throw new MonitorApiError({ code: 'DOSSIER_NOT_FOUND', message: 'no such dossier' });
  return timeline;
}

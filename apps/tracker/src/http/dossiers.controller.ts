import { Controller, Get, Param, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { isDossierId } from '@rtw/contracts';
import { requireSubject } from '@rtw/ingress';
import { SupportGuard, actorOf, sendJson, type SupportApiRequest } from '@rtw/support-api';
import { DossierListReader } from '../timeline/dossier-list.reader';
import { TimelineService } from '../timeline/timeline.service';
import { encodeCursor, parseDossierListing } from './dossier-list.query';
import { ProblemFilter } from './problem.filter';
import { TimelineApiError } from './timeline-api.error';

/**
 * The tracker's API for the monitor and support (ADR 0031): the dossier projection by insurer and
 * state, and one dossier's timeline (identity masked unless the role allows it, every read
 * audited).
 */
@Controller('v1/dossiers')
@UseGuards(SupportGuard)
@UseFilters(ProblemFilter)
export class DossiersController {
  constructor(
    private readonly timelines: TimelineService,
    private readonly listings: DossierListReader,
  ) {}

  @Get()
  async list(@Req() request: SupportApiRequest, @Res() response: ServerResponse): Promise<void> {
    const page = await this.listings.list(parseDossierListing(request.query ?? {}));
    sendJson(response, 200, {
      items: page.items,
      nextCursor: page.next ? encodeCursor(page.next) : null,
    });
  }

  @Get(':dossierId/timeline')
  async timeline(
    @Param('dossierId') dossierId: string,
    @Req() request: SupportApiRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    if (!isDossierId(dossierId))
      throw new TimelineApiError({
        code: 'DOSSIER_ID_INVALID',
        message: 'the dossier id must be a UUID in lower-case canonical form',
      });
    // Reading a dossier is audited with the person who reads it: the token must name them.
    const timeline = await this.timelines.timeline(dossierId, requireSubject(actorOf(request)));
    if (!timeline)
      throw new TimelineApiError({
        code: 'DOSSIER_NOT_FOUND',
        message: 'the tracker has no event of this dossier',
      });
    sendJson(response, 200, timeline);
  }
}

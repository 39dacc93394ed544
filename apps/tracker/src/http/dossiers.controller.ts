import { Controller, Get, Param, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { isDossierId } from '@rtw/contracts';
import { SupportAccessError, requireSubject } from '@rtw/ingress';
import { DossierListReader } from '../timeline/dossier-list.reader';
import { TimelineService } from '../timeline/timeline.service';
import { encodeCursor, parseDossierListing } from './dossier-list.query';
import { sendJson } from './json.response';
import { ProblemFilter } from './problem.filter';
import { SupportGuard } from './support.guard';
import { TimelineApiError } from './timeline-api.error';
import { actorOf, type TrackerRequest } from './tracker.request';

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
  async list(@Req() request: TrackerRequest, @Res() response: ServerResponse): Promise<void> {
    const page = await this.listings.list(parseDossierListing(request.query ?? {}));
    sendJson(response, 200, {
      items: page.items,
      nextCursor: page.next ? encodeCursor(page.next) : null,
    });
  }

  @Get(':dossierId/timeline')
  async timeline(
    @Param('dossierId') dossierId: string,
    @Req() request: TrackerRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    if (!isDossierId(dossierId))
      throw new TimelineApiError({
        code: 'DOSSIER_ID_INVALID',
        message: 'the dossier id must be a UUID in lower-case canonical form',
      });
    const timeline = await this.timelines.timeline(dossierId, namedActorOf(request));
    if (!timeline)
      throw new TimelineApiError({
        code: 'DOSSIER_NOT_FOUND',
        message: 'the tracker has no event of this dossier',
      });
    sendJson(response, 200, timeline);
  }
}

/** Reading a dossier is audited with the person who reads it: the token must name them. */
function namedActorOf(request: TrackerRequest) {
  try {
    return requireSubject(actorOf(request));
  } catch (error) {
    if (error instanceof SupportAccessError)
      throw new TimelineApiError({ code: error.code, message: error.message });
    throw error;
  }
}

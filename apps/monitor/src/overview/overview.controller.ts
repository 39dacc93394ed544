import { Controller, Get, Req } from '@nestjs/common';
import type { Overview } from './overview.types';
import { OverviewService } from './overview.service';
import { scopeOf } from './request-scope';

/**
 * `GET /v1/overview`: flows, lag, dead letters, partners and deadlines. No authentication of its
 * own: the console's global guard protects every route; the scope narrows what is shown.
 */
@Controller('v1/overview')
export class OverviewController {
  constructor(private readonly overviews: OverviewService) {}

  @Get()
  get(@Req() request: unknown): Overview {
    return this.overviews.overview(scopeOf(request));
  }
}

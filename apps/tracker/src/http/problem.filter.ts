import { Catch, Inject } from '@nestjs/common';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '@rtw/runtime';
import { SupportProblemFilter, type ApiRefusal } from '@rtw/support-api';
import { STATUS_BY_CODE, type TimelineApiCode } from './timeline-api.codes';
import { TimelineApiError } from './timeline-api.error';

/** The edge of the tracker's API, bound to its controllers (`@UseFilters`; ADR 0068). */
@Catch()
export class ProblemFilter extends SupportProblemFilter<TimelineApiCode> {
  protected readonly statusByCode = STATUS_BY_CODE;

  constructor(@Inject(HUB_LOGGER) logger: Logger) {
    super(logger, ProblemFilter.name);
  }

  protected refusalOf(exception: unknown): ApiRefusal<TimelineApiCode> | undefined {
    return exception instanceof TimelineApiError ? exception : undefined;
  }
}

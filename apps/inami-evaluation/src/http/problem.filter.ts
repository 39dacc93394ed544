import { Catch, Inject } from '@nestjs/common';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '@rtw/runtime';
import { SupportProblemFilter, type ApiRefusal } from '@rtw/support-api';
import { VersionError } from '../versions/version.error';
import { STATUS_BY_CODE, type InamiApiCode } from './inami-api.codes';
import { InamiApiError } from './inami-api.error';

/**
 * The edge of the INAMI evaluation API (ADR 0068), the app's global filter so a body the parser
 * refuses is answered with this API's codes too; a version's refusals keep their own codes.
 */
@Catch()
export class ProblemFilter extends SupportProblemFilter<InamiApiCode> {
  protected readonly statusByCode = STATUS_BY_CODE;

  constructor(@Inject(HUB_LOGGER) logger: Logger) {
    super(logger, ProblemFilter.name);
  }

  protected refusalOf(exception: unknown): ApiRefusal<InamiApiCode> | undefined {
    return exception instanceof InamiApiError || exception instanceof VersionError
      ? exception
      : undefined;
  }
}

import { Catch, Inject } from '@nestjs/common';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '@rtw/runtime';
import { SupportProblemFilter, type ApiRefusal } from '@rtw/support-api';
import { STATUS_BY_CODE, type DeliveryApiCode } from './delivery-api.codes';
import { DeliveryApiError } from './delivery-api.error';

/**
 * The edge of the delivery API (ADR 0068), registered as the app's global filter so a body the
 * parser refuses is answered with this API's codes (MALFORMED_JSON, PAYLOAD_TOO_LARGE) too.
 */
@Catch()
export class ProblemFilter extends SupportProblemFilter<DeliveryApiCode> {
  protected readonly statusByCode = STATUS_BY_CODE;

  constructor(@Inject(HUB_LOGGER) logger: Logger) {
    super(logger, ProblemFilter.name);
  }

  protected refusalOf(exception: unknown): ApiRefusal<DeliveryApiCode> | undefined {
    return exception instanceof DeliveryApiError ? exception : undefined;
  }
}

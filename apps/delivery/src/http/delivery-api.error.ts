import { HubError } from '@rtw/platform';
import type { DeliveryApiCode } from './delivery-api.codes';

/**
 * A refusal by the delivery API: a code, a message in plain words that never repeats personal
 * data, and the JSON pointer of the field at fault (request bodies).
 */
export class DeliveryApiError extends HubError {
  declare readonly code: DeliveryApiCode;
  readonly pointer?: string;

  constructor(args: { code: DeliveryApiCode; message: string; pointer?: string; cause?: unknown }) {
    super({
      code: args.code,
      message: args.message,
      retriable: args.code === 'DATABASE_UNAVAILABLE',
      cause: args.cause,
    });
    this.pointer = args.pointer;
  }
}

/** Shorthand for an INVALID_REQUEST at a pointer of the body. */
export function invalidRequest(pointer: string, message: string): DeliveryApiError {
  return new DeliveryApiError({ code: 'INVALID_REQUEST', message, pointer });
}

/** Shorthand for an INVALID_QUERY naming the parameter. */
export function invalidQuery(parameter: string, message: string): DeliveryApiError {
  return new DeliveryApiError({ code: 'INVALID_QUERY', message: `${parameter} ${message}` });
}

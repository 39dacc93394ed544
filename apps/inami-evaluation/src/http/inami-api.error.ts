import { HubError } from '@rtw/platform';
import type { InamiApiCode } from './inami-api.codes';

/** A refusal of the INAMI evaluation API: a code and plain words, never personal data. */
export class InamiApiError extends HubError {
  declare readonly code: InamiApiCode;

  constructor(args: { code: InamiApiCode; message: string; cause?: unknown }) {
    super({ ...args, retriable: args.code === 'DATABASE_UNAVAILABLE' });
  }
}

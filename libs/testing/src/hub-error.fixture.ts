// FOR TESTS ONLY: an error of a made-up context, for tests of code that must treat any HubError
// alike (retry policy, dead-lettering, failure codes) without borrowing a higher lib's errors.
import { HubError } from '@rtw/platform';

/** A HubError with the code and retry decision a test needs. */
export class TestHubError extends HubError {
  constructor(args: { code: string; retriable: boolean; message?: string }) {
    super({ ...args, message: args.message ?? `test failure ${args.code}` });
  }
}

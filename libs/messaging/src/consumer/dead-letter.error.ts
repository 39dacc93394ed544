import { MessagingError } from '../errors/messaging.error';

/**
 * Writing a record to its dead-letter topic failed. The record's offset is not committed, so
 * it will be delivered again; the error carries no record content.
 */
export class DeadLetterFailedError extends MessagingError {
  constructor(topic: string, cause: unknown) {
    super({
      code: 'DEAD_LETTER_FAILED',
      message: `Dead-lettering a record of ${topic} failed`,
      cause,
    });
  }
}

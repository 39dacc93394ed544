import { MessagingError } from '../errors/messaging.error';

/**
 * A Kafka record that is not a valid hub CloudEvent. Final (never retriable): the same bytes will
 * fail the same way. The message names the attribute at fault, never a value or the payload.
 */
export class CloudEventInvalidError extends MessagingError {
  constructor(message: string) {
    super({ code: 'CLOUDEVENT_INVALID', message });
  }
}

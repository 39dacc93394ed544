import { MessagingError } from '../errors/messaging.error';

/** The broker did not acknowledge a publish. Retriable: nothing is known to be written. */
export class PublishFailedError extends MessagingError {
  constructor(topic: string, cause: unknown) {
    // The cause is a kafkajs error (broker and protocol facts), never a record's content.
    super({ code: 'PUBLISH_FAILED', message: `Publishing to ${topic} failed`, cause });
  }
}

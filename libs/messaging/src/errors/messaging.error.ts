import { HubError } from '@rtw/platform';

/**
 * Codes of the messaging lib's errors. They are API (dead-letter headers, logs, metrics labels):
 * never rename one, add a new one instead.
 */
export const MESSAGING_ERROR_CODES = [
  'CLOUDEVENT_INVALID',
  'PUBLISH_FAILED',
  'DEAD_LETTER_FAILED',
  'TOPOLOGY_INVALID',
  'TOPIC_INVALID',
  'TOPIC_NOT_SERVED',
  'CONSUMER_JOIN_TIMEOUT',
  'PUBLICATION_CHECK_FAILED',
] as const;

/** One of {@link MESSAGING_ERROR_CODES}. */
export type MessagingErrorCode = (typeof MESSAGING_ERROR_CODES)[number];

/**
 * Whether trying again can help, per code. A `Record` over the union: a new code does not compile
 * until it says whether a consumer retries it or dead-letters it at once.
 */
const RETRIABLE: Readonly<Record<MessagingErrorCode, boolean>> = {
  // The same bytes fail the same way.
  CLOUDEVENT_INVALID: false,
  // The broker may be back in a moment; nothing is known to be written.
  PUBLISH_FAILED: true,
  DEAD_LETTER_FAILED: true,
  // Configuration and programming mistakes.
  TOPOLOGY_INVALID: false,
  TOPIC_INVALID: false,
  // A broker still loading partitions or a group coordinator; it settles within seconds.
  TOPIC_NOT_SERVED: true,
  CONSUMER_JOIN_TIMEOUT: true,
  // The topics' tails could not be read to the end (broker away): read them again later.
  PUBLICATION_CHECK_FAILED: true,
};

/** An error of the messaging lib; its message names attributes and topics, never record content. */
export class MessagingError extends HubError<MessagingErrorCode> {
  constructor(args: { code: MessagingErrorCode; message: string; cause?: unknown }) {
    super({ ...args, retriable: RETRIABLE[args.code] });
  }
}

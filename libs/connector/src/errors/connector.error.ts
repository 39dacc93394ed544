import { HubError } from '@rtw/platform';

/**
 * Codes of the connector kit's errors. They are API (dead-letter headers, logs, metrics labels):
 * never rename one, add a new one instead. A withheld message is not an error: it is an outcome,
 * told to the insurer (`be.rtw.partner-message.withheld`).
 */
export const CONNECTOR_ERROR_CODES = [
  'CONNECTOR_CONCURRENT_WRITE',
  'CONNECTOR_DATABASE_UNAVAILABLE',
  'CONNECTOR_EVENT_VERSION_UNSUPPORTED',
  'CONNECTOR_MESSAGE_INVALID',
] as const;

/** One of {@link CONNECTOR_ERROR_CODES}. */
export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

/**
 * Whether trying again can help, per code. A `Record` over the union: a new code does not compile
 * until it says whether the consumer retries it or dead-letters it at once.
 */
const RETRIABLE: Readonly<Record<ConnectorErrorCode, boolean>> = {
  // Another instance handled the same dossier or event meanwhile (a rebalance): the retried batch
  // sees its work and skips it.
  CONNECTOR_CONCURRENT_WRITE: true,
  // The database is down, restarting or overloaded: nothing was written (the transaction rolled
  // back), and the same batch succeeds once it is back.
  CONNECTOR_DATABASE_UNAVAILABLE: true,
  // A contract version this connector cannot read yet: dead-letter it, deploy, replay.
  CONNECTOR_EVENT_VERSION_UNSUPPORTED: false,
  // The hub's own event broke its contract: a programming error, the same input fails again.
  CONNECTOR_MESSAGE_INVALID: false,
};

/** An error of the connector kit; its message names ids, types and codes, never dossier content. */
export class ConnectorError extends HubError<ConnectorErrorCode> {
  constructor(args: {
    code: ConnectorErrorCode;
    message: string;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super({ ...args, retriable: RETRIABLE[args.code] });
  }
}

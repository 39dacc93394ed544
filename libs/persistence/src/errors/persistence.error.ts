import { HubError } from '@rtw/platform';

/** Stable codes of the errors raised by the persistence lib (they end up in logs and metrics labels). */
export const PERSISTENCE_ERROR_CODES = [
  'PERSISTENCE_DATABASE_UNAVAILABLE',
  'PERSISTENCE_INVALID_CONFIG',
  'PERSISTENCE_INVALID_OUTBOX_MESSAGE',
  'PERSISTENCE_INVALID_INBOX_KEY',
  'PERSISTENCE_TRANSACTION_REQUIRED',
] as const;

/** One of {@link PERSISTENCE_ERROR_CODES}. */
export type PersistenceErrorCode = (typeof PERSISTENCE_ERROR_CODES)[number];

/**
 * Only unavailability is worth retrying; the others are caller mistakes that a retry repeats. A
 * `Record` over the union: a new code does not compile until it has its retry decision.
 */
const RETRIABLE: Readonly<Record<PersistenceErrorCode, boolean>> = {
  PERSISTENCE_DATABASE_UNAVAILABLE: true,
  PERSISTENCE_INVALID_CONFIG: false,
  PERSISTENCE_INVALID_OUTBOX_MESSAGE: false,
  PERSISTENCE_INVALID_INBOX_KEY: false,
  PERSISTENCE_TRANSACTION_REQUIRED: false,
};

/** A HubError raised by the persistence lib; messages name fields, never their (possibly personal) values. */
export class PersistenceError extends HubError<PersistenceErrorCode> {
  constructor(args: {
    code: PersistenceErrorCode;
    message: string;
    cause?: unknown;
    details?: Record<string, unknown>;
  }) {
    super({ ...args, retriable: RETRIABLE[args.code] });
  }
}

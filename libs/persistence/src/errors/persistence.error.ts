import { HubError } from '@rtw/platform';

/** Stable codes of the errors raised by the persistence lib (they end up in logs and metrics labels). */
export enum PersistenceErrorCode {
  DatabaseUnavailable = 'PERSISTENCE_DATABASE_UNAVAILABLE',
  InvalidConfig = 'PERSISTENCE_INVALID_CONFIG',
  InvalidOutboxMessage = 'PERSISTENCE_INVALID_OUTBOX_MESSAGE',
  InvalidInboxKey = 'PERSISTENCE_INVALID_INBOX_KEY',
  TransactionRequired = 'PERSISTENCE_TRANSACTION_REQUIRED',
}

/** Only unavailability is worth retrying; the others are caller mistakes that a retry repeats. */
const RETRIABLE = new Set<PersistenceErrorCode>([PersistenceErrorCode.DatabaseUnavailable]);

/** A HubError raised by the persistence lib; messages name fields, never their (possibly personal) values. */
export class PersistenceError extends HubError {
  constructor(args: {
    code: PersistenceErrorCode;
    message: string;
    cause?: unknown;
    details?: Record<string, unknown>;
  }) {
    super({ ...args, retriable: RETRIABLE.has(args.code) });
  }
}

/**
 * The one error base of the hub. `code` is stable and machine-readable (it ends up in dead-letter
 * headers, HTTP problem responses and metrics labels); `retriable` tells a consumer runtime whether
 * trying again can help. Messages must never contain personal data (NISS, names, health details).
 *
 * Abstract: each lib raises its own subclass over a closed union of its codes (`HubError<Code>`,
 * e.g. `MessagingError`, `PersistenceError`), so a code is never an ad-hoc string (ADR 0041).
 */
export abstract class HubError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly retriable: boolean;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(args: {
    code: Code;
    message: string;
    /** Decided per code by the lib that owns the code, never by the thrower. */
    retriable: boolean;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(args.message, { cause: args.cause });
    this.name = new.target.name;
    this.code = args.code;
    this.retriable = args.retriable;
    this.details = args.details;
  }
}

/** The code reported for anything that is not a HubError (a programming or foreign error). */
export const INTERNAL_ERROR = 'INTERNAL_ERROR';

/** True for errors that a retry may cure; unknown errors are treated as final (programming errors). */
export function isRetriable(error: unknown): boolean {
  if (error instanceof HubError) return error.retriable;
  if (typeof error === 'object' && error !== null && 'retriable' in error) {
    return (error as { retriable?: unknown }).retriable === true;
  }
  return false;
}

/** The stable code of an error, or {@link INTERNAL_ERROR} for anything that is not a HubError. */
export function errorCode(error: unknown): string {
  return error instanceof HubError ? error.code : INTERNAL_ERROR;
}

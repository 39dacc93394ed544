/**
 * The one error base of the hub. `code` is stable and machine-readable (it ends up in dead-letter
 * headers, HTTP problem responses and metrics labels); `retriable` tells a consumer runtime whether
 * trying again can help. Messages must never contain personal data (NISS, names, health details).
 */
export class HubError extends Error {
  readonly code: string;
  readonly retriable: boolean;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(args: {
    code: string;
    message: string;
    retriable?: boolean;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(args.message, { cause: args.cause });
    this.name = new.target.name;
    this.code = args.code;
    this.retriable = args.retriable ?? false;
    this.details = args.details;
  }
}

/** True for errors that a retry may cure; unknown errors are treated as final (programming errors). */
export function isRetriable(error: unknown): boolean {
  if (error instanceof HubError) return error.retriable;
  if (typeof error === 'object' && error !== null && 'retriable' in error) {
    return (error as { retriable?: unknown }).retriable === true;
  }
  return false;
}

/** The stable code of an error, or `INTERNAL_ERROR` for anything that is not a HubError. */
export function errorCode(error: unknown): string {
  return error instanceof HubError ? error.code : 'INTERNAL_ERROR';
}

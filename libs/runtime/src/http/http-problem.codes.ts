/**
 * The problem codes every hub process answers with when a request fails outside an app's own
 * routes: unknown routes, requests the HTTP layer could not read, and unhandled errors. They are
 * public API like every reason code: add one, never rename one. An app with its own codes (the
 * gateway) lists these too, with the same status.
 */
export const HTTP_PROBLEM_STATUS = {
  ROUTE_NOT_FOUND: 404,
  MALFORMED_REQUEST: 400,
  MALFORMED_PATH: 400,
  REQUEST_TIMEOUT: 408,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  HEADERS_TOO_LARGE: 431,
  INTERNAL_ERROR: 500,
} as const;

/** One of the runtime's problem codes. */
export type HttpProblemCode = keyof typeof HTTP_PROBLEM_STATUS;

/** A refusal as it goes on the wire: `{ code, message, pointer? }` with its HTTP status. */
export interface HttpProblem {
  readonly status: number;
  readonly code: string;
  /** Plain words; never a value from the request (it may be personal data). */
  readonly message: string;
  readonly pointer?: string;
}

/** The problem of a runtime code, with its status. */
export function httpProblem(code: HttpProblemCode, message: string): HttpProblem {
  return { status: HTTP_PROBLEM_STATUS[code], code, message };
}

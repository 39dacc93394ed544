/** Why a request did not reach an answer (network level); every one of them is worth retrying. */
export const TRANSPORT_FAILURE_CODES = [
  'TIMEOUT',
  'CONNECTION_REFUSED',
  'CONNECTION_RESET',
  'DNS_FAILURE',
  'TLS_FAILURE',
  'NETWORK_ERROR',
] as const;

/** One of {@link TRANSPORT_FAILURE_CODES}. */
export type TransportFailureCode = (typeof TRANSPORT_FAILURE_CODES)[number];

/** Codes of an answered attempt that did not deliver (stable: attempts, dead letters, receipts). */
export type AnswerFailureCode =
  | 'PARTNER_TIMEOUT'
  | 'PARTNER_TOO_EARLY'
  | 'PARTNER_RATE_LIMITED'
  | 'PARTNER_UNAVAILABLE'
  | 'PARTNER_REDIRECTED'
  | 'PARTNER_REJECTED';

/** What one attempt produced: an HTTP answer, or a transport failure. */
export type AttemptResult =
  | { readonly kind: 'answer'; readonly status: number; readonly retryAfter?: string }
  | { readonly kind: 'transport-failure'; readonly code: TransportFailureCode };

/** What to do after an attempt. */
export type Classification =
  | { readonly verdict: 'delivered' }
  | {
      readonly verdict: 'retryable';
      readonly code: AnswerFailureCode | TransportFailureCode;
      /** The partner's Retry-After header, when it sent one with a 429 or 503. */
      readonly retryAfter?: string;
    }
  | { readonly verdict: 'rejected'; readonly code: AnswerFailureCode };

const RETRYABLE_STATUS: Readonly<Record<number, AnswerFailureCode>> = {
  408: 'PARTNER_TIMEOUT',
  425: 'PARTNER_TOO_EARLY',
  429: 'PARTNER_RATE_LIMITED',
};

/**
 * The delivery rule: 2xx delivered; 408, 425, 429, 5xx, timeouts and connection errors
 * retryable (429 and 503 with their Retry-After); any other answer final. Redirects are not
 * followed (a signed request must reach the configured endpoint, not wherever it points), so a
 * 3xx is final too, as a misconfigured endpoint, and visible as such in the dead letters.
 */
export function classify(result: AttemptResult): Classification {
  if (result.kind === 'transport-failure') return { verdict: 'retryable', code: result.code };
  const { status } = result;
  if (status >= 200 && status < 300) return { verdict: 'delivered' };
  const retryable = RETRYABLE_STATUS[status] ?? (status >= 500 ? 'PARTNER_UNAVAILABLE' : undefined);
  if (retryable) {
    const honoursRetryAfter = (status === 429 || status === 503) && result.retryAfter !== undefined;
    return honoursRetryAfter
      ? { verdict: 'retryable', code: retryable, retryAfter: result.retryAfter }
      : { verdict: 'retryable', code: retryable };
  }
  return {
    verdict: 'rejected',
    code: status >= 300 && status < 400 ? 'PARTNER_REDIRECTED' : 'PARTNER_REJECTED',
  };
}

/**
 * The transport failure behind an HTTP client error (undici and Node error codes), so attempts
 * record a stable code instead of a message that could quote an address or a value.
 */
export function transportFailureOf(error: unknown): TransportFailureCode {
  const { code, name, cause } = (error ?? {}) as {
    code?: unknown;
    name?: unknown;
    cause?: unknown;
  };
  if (name === 'TimeoutError' || name === 'AbortError') return 'TIMEOUT';
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'ETIMEDOUT':
      return 'TIMEOUT';
    case 'ECONNREFUSED':
      return 'CONNECTION_REFUSED';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return 'CONNECTION_RESET';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'DNS_FAILURE';
  }
  if (
    typeof code === 'string' &&
    (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL'))
  )
    return 'TLS_FAILURE';
  return cause !== undefined && cause !== error ? transportFailureOf(cause) : 'NETWORK_ERROR';
}

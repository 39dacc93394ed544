import { MonitorApiError, invalidRequest } from './monitor-api.error';

const REASON_MIN = 10;
const REASON_MAX = 500;

/**
 * The query parameters a route passes on to a support API: only the listed names, each once, as
 * text (the API checks the values strictly itself; a typo must not widen a listing).
 */
export function forwardedQuery(query: Record<string, unknown>, allowed: readonly string[]): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name)) throw invalidRequest(name, 'is not a filter of this listing');
    if (typeof value !== 'string') throw invalidRequest(name, 'must be given once, as text');
    if (value !== '') params.set(name, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The mandatory reason of an audited act, 10 to 500 characters (as delivery requires). */
export function reasonOf(body: unknown): string {
  const reason = (body as { reason?: unknown } | undefined)?.reason;
  if (typeof reason !== 'string' || reason.trim().length < REASON_MIN || reason.length > REASON_MAX)
    throw invalidReason();
  return reason.trim();
}

function invalidReason(): MonitorApiError {
  return new MonitorApiError({
    code: 'REASON_REQUIRED',
    message: `reason is required, ${REASON_MIN} to ${REASON_MAX} characters`,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A path id that must be a canonical lower-case UUID (dossiers, dead letters, replays). */
export function uuidParam(name: string, value: string): string {
  if (!UUID.test(value)) throw invalidRequest(name, 'must be a lower-case UUID');
  return value;
}

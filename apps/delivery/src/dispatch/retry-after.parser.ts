const SECONDS = /^\d{1,10}$/;

/**
 * Milliseconds to wait from a `Retry-After` header (RFC 9110: delay-seconds or an HTTP date),
 * counted from `now`; undefined when the header is absent or unreadable (the schedule then
 * decides). A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (SECONDS.test(text)) return Number(text) * 1000;
  // Only the IMF-fixdate form and its obsolete cousins parse as dates; a bare number does not.
  if (!/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

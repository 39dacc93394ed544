import { scrubText } from '@rtw/platform';

/** Response headers worth keeping with an attempt (diagnosis); everything else is dropped. */
export const KEPT_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'retry-after',
  'date',
  'x-request-id',
  'request-id',
  'x-correlation-id',
] as const;

/** The allow-listed headers of a response, each value bounded. */
export function keptHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_RESPONSE_HEADERS) {
    const value = headers[name];
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (text !== undefined) kept[name] = scrubText(text.slice(0, 200));
  }
  return kept;
}

/**
 * What may be kept of a partner's answer: its first bytes only, as text, with control characters
 * flattened and anything shaped like a national number masked. A partner's error page may quote
 * the request (personal data); the excerpt is for diagnosis, not a copy.
 */
export function responseExcerpt(bytes: Buffer, maxBytes: number): string {
  const head = bytes.subarray(0, maxBytes).toString('utf8');
  // eslint-disable-next-line no-control-regex
  const flat = head.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
  // A number cut at the excerpt's end escapes the NISS pattern: mask any long digit run too.
  return scrubText(flat).replace(/\d{9,}/g, '[digits-redacted]');
}

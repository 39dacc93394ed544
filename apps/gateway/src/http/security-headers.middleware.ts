import type { IncomingMessage, ServerResponse } from 'node:http';

// An API that serves JSON to machines: nothing may be framed, sniffed, cached or loaded by a page.
const HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

/** Sets the security headers on every response and drops the framework banner. */
export function securityHeaders(
  _req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
  res.removeHeader('X-Powered-By');
  next();
}

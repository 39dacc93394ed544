import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers for every answer (helmet, ADR 0091): a strict Content-Security-Policy (only the
 * monitor's own scripts, styles and API: the console has no inline script and no CDN), no framing,
 * no referrer, no MIME sniffing; HSTS and upgrade-insecure-requests only when served over https.
 */
export function securityHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

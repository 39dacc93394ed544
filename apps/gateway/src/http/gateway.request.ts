import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Caller } from '@rtw/ingress';

/** A request as the gateway's guards and controllers see it: the caller once authenticated. */
export interface GatewayRequest extends IncomingMessage {
  caller?: Caller;
  /** The route the request matched, set by the HTTP framework; its path is the template. */
  route?: { path?: string };
}

/** The caller a guard attached to the request; guards run first, so it is always there. */
export function callerOf(request: GatewayRequest): Caller {
  if (!request.caller) throw new Error('no caller on a request that passed authentication');
  return request.caller;
}

/** SHA-256 fingerprint of the client certificate, when the request came over mutual TLS with one. */
export function clientCertificateFingerprint(request: IncomingMessage): string | undefined {
  const socket = request.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== 'function') return undefined;
  const certificate = socket.getPeerCertificate();
  return certificate && typeof certificate.fingerprint256 === 'string'
    ? certificate.fingerprint256
    : undefined;
}

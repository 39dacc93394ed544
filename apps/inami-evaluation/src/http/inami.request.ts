import type { IncomingMessage } from 'node:http';
import type { SupportActor } from '@rtw/ingress';

/** A request as the INAMI evaluation API's guard and controllers see it. */
export interface InamiRequest extends IncomingMessage {
  actor?: SupportActor;
  originalUrl?: string;
  body?: unknown;
  query?: Record<string, unknown>;
}

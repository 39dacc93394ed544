import { IngressError } from '../errors/ingress.error';
import { parseStrictJsonBytes } from './strict-json.parser';

/** The default largest batch: big enough for a nightly catch-up, small enough for one transaction. */
export const DEFAULT_BATCH_MAX_EVENTS = 500;

/** One event in structured mode: any JSON value (its contract check says whether it is an event). */
export function parseSingleEventBody(body: Uint8Array): unknown {
  return parseStrictJsonBytes(body);
}

/** A batch in batched mode: a JSON array of 1 to `maxEvents` candidate events. */
export function parseBatchBody(body: Uint8Array, maxEvents: number): unknown[] {
  const value = parseStrictJsonBytes(body);
  if (!Array.isArray(value))
    throw new IngressError({
      code: 'BATCH_NOT_ARRAY',
      message: 'a batch must be a JSON array of events',
    });
  if (value.length === 0)
    throw new IngressError({
      code: 'BATCH_EMPTY',
      message: 'a batch must hold at least one event',
    });
  if (value.length > maxEvents) {
    throw new IngressError({
      code: 'BATCH_TOO_LARGE',
      message: `a batch may hold at most ${maxEvents} events; split it`,
    });
  }
  return value;
}

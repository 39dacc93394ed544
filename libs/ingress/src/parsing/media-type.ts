import { IngressError } from '../errors/ingress.error';

/** CloudEvents HTTP binding, structured content mode: one event as a JSON object. */
export const SINGLE_EVENT_MEDIA_TYPE = 'application/cloudevents+json';
/** CloudEvents HTTP binding, batched content mode: a JSON array of events. */
export const BATCH_MEDIA_TYPE = 'application/cloudevents-batch+json';

/**
 * Refuses a request whose `content-type` is not `expected` (parameters allowed: only a UTF-8
 * charset). Other types are refused rather than guessed, so that a body is never parsed under
 * rules its sender did not intend.
 */
export function assertMediaType(header: string | undefined, expected: string): void {
  const [type = '', ...parameters] = (header ?? '')
    .split(';')
    .map((part) => part.trim().toLowerCase());
  const charsetOk = parameters.every(
    (parameter) => parameter === '' || parameter === 'charset=utf-8',
  );
  if (type !== expected || !charsetOk) {
    throw new IngressError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `content-type must be ${expected} (UTF-8)`,
    });
  }
}

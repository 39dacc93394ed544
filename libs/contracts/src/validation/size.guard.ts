import { type ValidationIssue, invalid } from './validation.types';

/** Largest raw event accepted by default: far above any real dossier event, small enough for Kafka. */
export const DEFAULT_MAX_EVENT_BYTES = 256 * 1024;

/** Outcome of checkSize: the byte size, or an EVENT_TOO_LARGE issue. */
export type SizeCheck =
  | { readonly ok: true; readonly bytes: number }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

/**
 * Rejects a raw event larger than `limit` bytes before anyone parses it, so an oversized payload
 * costs a length check rather than a parse and a schema walk. Strings count as UTF-8 bytes.
 */
export function checkSize(raw: Uint8Array | string, limit = DEFAULT_MAX_EVENT_BYTES): SizeCheck {
  if (!Number.isInteger(limit) || limit <= 0) {
    throw new RangeError('size limit must be a positive integer');
  }
  // Buffer.byteLength counts UTF-8 bytes without encoding a copy.
  const bytes = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.byteLength;
  if (bytes <= limit) return { ok: true, bytes };
  return invalid({
    pointer: '',
    code: 'EVENT_TOO_LARGE',
    message: `event is ${bytes} bytes, more than the limit of ${limit} bytes`,
  });
}

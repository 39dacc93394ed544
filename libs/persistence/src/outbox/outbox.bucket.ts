/**
 * Number of buckets new outbox rows are spread over: the unit of parallelism between relays.
 * Changing it moves keys to other buckets, so drain the outbox first (see ADR 0004).
 */
export const OUTBOX_BUCKET_COUNT = 64;

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The bucket of a message key: 32-bit FNV-1a of its UTF-8 bytes, modulo `bucketCount`. Stable
 * across processes and versions, because every row of one key must land in the same bucket.
 */
export function bucketOf(key: string, bucketCount: number = OUTBOX_BUCKET_COUNT): number {
  if (!Number.isInteger(bucketCount) || bucketCount < 1 || bucketCount > 32_767) {
    throw new RangeError('bucketCount must be a whole number between 1 and 32767 (smallint)');
  }
  let hash = FNV_OFFSET_BASIS;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash % bucketCount;
}

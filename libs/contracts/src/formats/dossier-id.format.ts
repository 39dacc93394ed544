const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * A dossier id is a UUID in its one canonical spelling: lower-case hexadecimal with hyphens
 * (RFC 9562 section 4). It is the Kafka key of every event of the dossier, and Kafka compares keys
 * as bytes: accepting `A1...` and `a1...` would let one dossier travel under two keys, on two
 * partitions, out of order. The nil and max UUIDs are placeholders, never a dossier.
 */
export function isDossierId(value: string): boolean {
  return CANONICAL_UUID.test(value) && value !== NIL_UUID && value !== MAX_UUID;
}

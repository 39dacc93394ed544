/**
 * Advisory lock keys of the hub, `(namespace, key)` pairs for the two-int4 form of
 * `pg_advisory_lock`. One place, so that two features never contend on the same pair by accident.
 */
export const LOCK_NAMESPACE = {
  /** Serialises concurrent `runMigrations` calls (several apps or test workers starting at once). */
  migrations: 0x5254_0001,
  /** One lock per outbox bucket: only one relay publishes a bucket at a time. */
  outboxBucket: 0x5254_0002,
} as const;

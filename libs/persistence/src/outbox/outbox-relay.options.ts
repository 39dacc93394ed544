import type { DataSource } from 'typeorm';
import { LOCK_NAMESPACE } from '../database/lock-keys.constant';
import type { OutboxPublicationCheck, OutboxPublisher } from './outbox-publisher.port';
import type { BackoffPolicy } from './relay-backoff.policy';

/** The logging the relay needs; `@rtw/platform`'s (pino) logger satisfies it. Fields hold ids and counts only. */
export interface RelayLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** How an `OutboxRelay` runs; everything but the data source and the publisher has a default. */
export interface OutboxRelayOptions {
  dataSource: DataSource;
  publisher: OutboxPublisher;
  /** Rows claimed, published and marked per relay transaction (default 1000). */
  batchSize?: number;
  /** Sleep between cycles when idle and no NOTIFY arrives (default 1 s). */
  pollIntervalMs?: number;
  /** Backoff of a bucket after failed publishes, and of the relay when the database fails. */
  backoff?: BackoffPolicy;
  /** Published rows are deleted this long after publication (default 7 days). */
  retentionMs?: number;
  /** How often a relay purges (default every minute). */
  purgeIntervalMs?: number;
  /** Rows deleted per purge statement (default 1000). */
  purgeBatchSize?: number;
  /** LISTEN for the writer's NOTIFY to wake up at once (default true; needs a `url` data source). */
  listen?: boolean;
  /** First key of the per-bucket advisory locks; relays of one outbox must share it. */
  lockNamespace?: number;
  /** Defaults to `@rtw/platform`'s process logger with `context: 'OutboxRelay'`. */
  logger?: RelayLogger;
  /**
   * With it the relay publishes each row once (ADR 0033): it commits an attempt before each send
   * and, for a row whose attempt never finished, asks the check whether the row is already on its
   * topic. Without it, at least once (a crash after the broker's ack sends the batch again).
   */
  publicationCheck?: OutboxPublicationCheck;
  /** How long after an interrupted attempt the check waits before reading (default 5 s). */
  doubtSettleMs?: number;
  /**
   * A quick answer to "can the publisher reach its broker now?" (a few seconds at most). The relay
   * asks it before its first claim and after every failed publication, and claims no row while it
   * says no: a send to an unreachable broker can take the client's whole retry (about 40 s with
   * kafkajs), and the relay would hold its buckets' advisory locks all that time, keeping a
   * healthy instance beside it from relaying them. Without it, the relay always claims.
   */
  publisherAvailable?: () => Promise<boolean>;
}

/** Options with every default filled in. */
export type ResolvedRelayOptions = Required<
  Omit<OutboxRelayOptions, 'logger' | 'publicationCheck' | 'publisherAvailable'>
> & {
  logger: RelayLogger | undefined;
  publicationCheck: OutboxPublicationCheck | undefined;
  publisherAvailable: (() => Promise<boolean>) | undefined;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Fills in the defaults. */
export function resolveRelayOptions(options: OutboxRelayOptions): ResolvedRelayOptions {
  return {
    dataSource: options.dataSource,
    publisher: options.publisher,
    batchSize: options.batchSize ?? 1_000,
    pollIntervalMs: options.pollIntervalMs ?? 1_000,
    backoff: options.backoff ?? { initialMs: 500, maxMs: 30_000 },
    retentionMs: options.retentionMs ?? 7 * DAY_MS,
    purgeIntervalMs: options.purgeIntervalMs ?? 60_000,
    purgeBatchSize: options.purgeBatchSize ?? 1_000,
    listen: options.listen ?? true,
    lockNamespace: options.lockNamespace ?? LOCK_NAMESPACE.outboxBucket,
    logger: options.logger,
    publicationCheck: options.publicationCheck,
    doubtSettleMs: options.doubtSettleMs ?? 5_000,
    publisherAvailable: options.publisherAvailable,
  };
}

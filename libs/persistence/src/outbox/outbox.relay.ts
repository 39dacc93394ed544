import { createLogger } from '@rtw/platform';
import { failureCode } from '../errors/failure-code.util';
import { BucketBackoff } from './bucket-backoff.state';
import { publishInOrder } from './ordered-batch.publisher';
import { ChannelListener } from '../notify/channel.listener';
import {
  resolveRelayOptions,
  type OutboxRelayOptions,
  type RelayLogger,
  type ResolvedRelayOptions,
} from './outbox-relay.options';
import { OUTBOX_BUCKET_COUNT } from './outbox.bucket';
import { outboxMetrics } from './outbox.metrics';
import type { OutboxRecord } from './outbox-publisher.port';
import { OutboxRepository, type PendingOutboxRow } from './outbox.repository';
import { backoffDelay } from './relay-backoff.policy';
import { PublicationGuard } from './publication.guard';
import { WakeableSleep } from '../notify/wakeable.sleep';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox.writer';

/** What one relay cycle did. */
export interface RelayCycleResult {
  published: number;
  failed: number;
  /** A batch came back full: more rows are waiting, so the next cycle should not sleep. */
  moreWork: boolean;
}

const PENDING_GAUGE_INTERVAL_MS = 1_000;

type BucketOutcome = { published: number; failed: number; full: boolean } | 'locked-elsewhere';

/**
 * Publishes committed outbox rows through an `OutboxPublisher`, then marks them published. Safe
 * with several instances: a bucket is relayed under a transaction-scoped advisory lock, so one
 * relay at a time publishes a bucket's rows, in `seq` order (ADR 0004); a relay takes as many
 * buckets as it can lock per transaction (ADR 0030). With a publication check, once (ADR 0033):
 * a batch sent before a crash is found on its topic, not sent again; without one, at least once.
 */
export class OutboxRelay {
  private readonly options: ResolvedRelayOptions;
  private readonly logger: RelayLogger;
  private readonly repository: OutboxRepository;
  private readonly bucketBackoff: BucketBackoff;
  private readonly guard: PublicationGuard;
  private readonly sleeper = new WakeableSleep();
  private listener: ChannelListener | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private cycleFailures = 0;
  /** Whether the publisher must be probed before the next claim (at start, after a failure). */
  private publisherInDoubt = true;
  private probeFailures = 0;
  private nextPurgeAt = 0;
  private nextGaugeAt = 0;

  constructor(options: OutboxRelayOptions) {
    this.options = resolveRelayOptions(options);
    this.logger =
      this.options.logger ?? createLogger({ app: 'rtw' }).child({ context: OutboxRelay.name });
    this.repository = new OutboxRepository(this.options.lockNamespace);
    this.bucketBackoff = new BucketBackoff(this.options.backoff);
    this.guard = new PublicationGuard({
      repository: this.repository,
      dataSource: this.options.dataSource,
      check: this.options.publicationCheck,
      settleMs: this.options.doubtSettleMs,
      logger: this.logger,
    });
  }

  /** Starts the polling loop in the background; a no-op when already running. */
  start(): void {
    if (this.loop !== undefined) return;
    this.stopping = false;
    this.listener = this.createListener();
    this.loop = this.runLoop();
  }

  /** Stops after the batch in progress is published and committed. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.wake();
    await this.loop;
    this.loop = undefined;
    await this.listener?.close();
    this.listener = undefined;
  }

  /**
   * One pass over the buckets with pending rows; what the loop runs, exposed for one-shot use.
   * Healthy buckets are relayed together: one transaction locks them all, claims their oldest
   * rows and publishes them in one request (when the publisher can). A bucket whose last
   * publication failed is relayed on its own once its backoff is over, so a message the broker
   * keeps refusing holds back its own bucket only (ADR 0030).
   */
  async runOnce(): Promise<RelayCycleResult> {
    const result: RelayCycleResult = { published: 0, failed: 0, moreWork: false };
    const add = (outcome: BucketOutcome) => {
      if (outcome === 'locked-elsewhere') return;
      result.published += outcome.published;
      result.failed += outcome.failed;
      result.moreWork ||= outcome.full && outcome.failed === 0;
    };
    const now = Date.now();
    const due = (buckets: number[]) =>
      rotate(buckets).filter((bucket) => !this.bucketBackoff.isWaiting(bucket, now));
    if (this.options.publisher.publishAll === undefined) {
      // One bucket at a time: only those with pending rows are worth a transaction each.
      for (const bucket of due(await this.pendingBuckets())) {
        if (this.stopping) break;
        add(await this.relayBucket(bucket));
      }
      return result;
    }
    // Every healthy bucket at once: no need to know first which ones hold rows.
    await this.refreshPendingGauge(now);
    const buckets = due(Array.from({ length: OUTBOX_BUCKET_COUNT }, (_, bucket) => bucket));
    add(
      await this.relayTogether(buckets.filter((bucket) => !this.bucketBackoff.hasFailed(bucket))),
    );
    for (const bucket of buckets.filter((candidate) => this.bucketBackoff.hasFailed(candidate))) {
      if (this.stopping) break;
      add(await this.relayBucket(bucket));
    }
    return result;
  }

  /** Buckets holding unpublished rows; sets the pending gauge on the way. */
  private async pendingBuckets(): Promise<number[]> {
    const pending = await this.repository.pendingByBucket(this.options.dataSource.manager);
    outboxMetrics.pending.set(pending.reduce((sum, bucket) => sum + bucket.pending, 0));
    this.nextGaugeAt = Date.now() + PENDING_GAUGE_INTERVAL_MS;
    return pending.map((entry) => entry.bucket);
  }

  /** Counts pending rows for the gauge at most once per interval (a count scans the backlog). */
  private async refreshPendingGauge(now: number): Promise<void> {
    if (now >= this.nextGaugeAt) await this.pendingBuckets();
  }

  private async runLoop(): Promise<void> {
    while (!this.stopping) {
      const delay = await this.cycleSafely();
      if (!this.stopping && delay > 0) await this.sleeper.sleep(delay);
    }
  }

  /**
   * Asks the publisher's probe, when there is one and the publisher is in doubt, whether it can
   * reach its broker; while it cannot, the relay claims nothing, so it holds no bucket's lock
   * through a send that can only time out (see `publisherAvailable`).
   */
  private async publisherReachable(): Promise<boolean> {
    const probe = this.options.publisherAvailable;
    if (probe === undefined || !this.publisherInDoubt) return true;
    const available = await probe().catch(() => false);
    if (available) {
      if (this.probeFailures > 0) this.logger.info({}, 'The broker is reachable again; relaying');
      this.publisherInDoubt = false;
      this.probeFailures = 0;
      return true;
    }
    this.probeFailures += 1;
    outboxMetrics.cycleFailures.inc({ code: 'PUBLISHER_UNAVAILABLE' });
    if (this.probeFailures === 1)
      this.logger.warn(
        { code: 'PUBLISHER_UNAVAILABLE' },
        'The broker is not reachable; the relay waits',
      );
    return false;
  }

  /** Runs a cycle and the purge; returns how long to sleep before the next one. */
  private async cycleSafely(): Promise<number> {
    try {
      await this.listener?.ensureListening();
      if (!(await this.publisherReachable())) {
        await this.purgeIfDue();
        this.cycleFailures = 0;
        return backoffDelay(this.probeFailures, this.options.backoff);
      }
      const result = await this.runOnce();
      await this.purgeIfDue();
      this.cycleFailures = 0;
      if (result.failed > 0) this.publisherInDoubt = true;
      if (result.moreWork) return 0;
      const dueIn = this.bucketBackoff.nextDueIn(Date.now()) ?? Number.POSITIVE_INFINITY;
      return Math.min(this.options.pollIntervalMs, dueIn);
    } catch (error) {
      this.cycleFailures += 1;
      const code = failureCode(error);
      outboxMetrics.cycleFailures.inc({ code });
      const delay = backoffDelay(this.cycleFailures, this.options.backoff);
      this.logger.error({ code, retryInMs: delay }, 'Outbox relay cycle failed; retrying');
      return delay;
    }
  }

  /**
   * Publishes the oldest rows of every bucket it can lock, in one transaction holding their
   * advisory locks and one `publishAll` request; on failure every claimed row stays pending and
   * each of its buckets backs off, to be retried on its own.
   */
  private async relayTogether(buckets: readonly number[]): Promise<BucketOutcome> {
    if (buckets.length === 0) return 'locked-elsewhere';
    const publishAll = this.options.publisher.publishAll!.bind(this.options.publisher);
    const outcome = await this.options.dataSource.transaction(async (manager) => {
      const locked = await this.repository.tryLockBuckets(manager, buckets);
      if (locked.length === 0) return 'locked-elsewhere' as const;
      const rows = await this.repository.claimBuckets(manager, locked, this.options.batchSize);
      if (rows.length === 0) return { rows, code: undefined, full: false };
      const full = rows.length === this.options.batchSize;
      let toSend = rows;
      try {
        // A failed publication check is a failed publication: those buckets back off alone.
        toSend = await this.guard.rowsToSend(manager, rows);
        if (toSend.length > 0) await publishAll(byTopic(toSend, this.guard));
      } catch (error) {
        const code = failureCode(error);
        const seqs = toSend.map((row) => row.seq);
        await this.repository.markFailed(manager, seqs, code);
        return { rows: toSend, code, full };
      }
      const seqs = toSend.map((row) => row.seq);
      await this.repository.markPublished(manager, seqs);
      return { rows: toSend, code: undefined, full };
    });
    if (outcome === 'locked-elsewhere') return outcome;
    const { rows, code, full } = outcome;
    if (code === undefined) {
      for (const row of rows) outboxMetrics.published.inc({ topic: row.topic });
      return { published: rows.length, failed: 0, full };
    }
    const failedBuckets = [...new Set(rows.map((row) => row.bucket))];
    outboxMetrics.publishFailures.inc({ code }, rows.length);
    let retryInMs = 0;
    for (const bucket of failedBuckets)
      retryInMs = Math.max(retryInMs, this.bucketBackoff.recordFailure(bucket, Date.now()));
    this.logger.warn(
      { buckets: failedBuckets.length, count: rows.length, code, retryInMs },
      'Publishing outbox messages failed; retrying bucket by bucket',
    );
    return { published: 0, failed: rows.length, full };
  }

  /** Publishes one batch of a bucket in one transaction holding the bucket's advisory lock. */
  private async relayBucket(bucket: number): Promise<BucketOutcome> {
    const outcome = await this.options.dataSource.transaction(async (manager) => {
      if (!(await this.repository.tryLockBucket(manager, bucket))) return 'locked-elsewhere';
      const rows = await this.repository.claimBatch(manager, bucket, this.options.batchSize);
      const batch = await this.guard.rowsToSend(manager, rows).then(
        (toSend) =>
          publishInOrder(this.options.publisher, toSend, (row) => this.guard.recordOf(row)),
        (error: unknown) => ({ published: [], failed: rows, error }),
      );
      await this.repository.markPublished(
        manager,
        batch.published.map((row) => row.seq),
      );
      const code = batch.failed.length > 0 ? failureCode(batch.error) : undefined;
      if (code !== undefined) {
        await this.repository.markFailed(
          manager,
          batch.failed.map((row) => row.seq),
          code,
        );
      }
      return { batch, code, full: rows.length === this.options.batchSize };
    });
    if (outcome === 'locked-elsewhere') return outcome;
    // Counted only once committed: a failed commit means the rows will be published again.
    for (const row of outcome.batch.published) outboxMetrics.published.inc({ topic: row.topic });
    if (outcome.code === undefined) this.bucketBackoff.recordSuccess(bucket);
    else this.recordBucketFailure(bucket, outcome.batch.failed.length, outcome.code);
    const { published, failed } = outcome.batch;
    return { published: published.length, failed: failed.length, full: outcome.full };
  }

  private recordBucketFailure(bucket: number, count: number, code: string): void {
    outboxMetrics.publishFailures.inc({ code }, count);
    const delay = this.bucketBackoff.recordFailure(bucket, Date.now());
    this.logger.warn(
      { bucket, count, code, retryInMs: delay },
      'Publishing outbox messages failed; retrying',
    );
  }

  /** Deletes rows published longer ago than the retention, a bounded amount per cycle. */
  private async purgeIfDue(): Promise<void> {
    if (Date.now() < this.nextPurgeAt) return;
    this.nextPurgeAt = Date.now() + this.options.purgeIntervalMs;
    const { retentionMs, purgeBatchSize: limit, dataSource } = this.options;
    for (let round = 0; round < 10 && !this.stopping; round += 1) {
      const deleted = await this.repository.purgePublished(dataSource.manager, {
        retentionMs,
        limit,
      });
      outboxMetrics.purged.inc(deleted);
      if (deleted < limit) return;
    }
  }

  private createListener(): ChannelListener | undefined {
    const url = (this.options.dataSource.options as { url?: string }).url;
    if (!this.options.listen || url === undefined) return undefined;
    return new ChannelListener({
      url,
      channel: OUTBOX_NOTIFY_CHANNEL,
      applicationName: 'rtw-outbox-listener',
      label: 'Outbox listener',
      onNotify: () => this.sleeper.wake(),
      logger: this.logger,
    });
  }
}

/** The rows grouped by topic, each topic's rows in `seq` order (the order they were claimed in). */
function byTopic(
  rows: readonly PendingOutboxRow[],
  guard: PublicationGuard,
): Array<{ topic: string; messages: OutboxRecord[] }> {
  const topics = new Map<string, OutboxRecord[]>();
  for (const row of rows) {
    const messages = topics.get(row.topic) ?? [];
    messages.push(guard.recordOf(row));
    topics.set(row.topic, messages);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}

/** The buckets from a random starting point, so concurrent relays start on different buckets. */
function rotate(buckets: number[]): number[] {
  const start = Math.floor(Math.random() * buckets.length);
  return [...buckets.slice(start), ...buckets.slice(0, start)];
}

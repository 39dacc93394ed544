import { errorCode, type Clock, type Logger } from '@rtw/platform';
import type { PartnerDirectory } from '../directory/partner.directory';
import { dispatcherFailures } from '../metrics/delivery.metrics';
import type { QueuedMessage } from '../queue/delivery-message.types';
import type { DeliveryQueue } from '../queue/delivery.queue';
import type { AttemptRunner } from './attempt.runner';
import type { ResilienceRegistry } from './resilience.registry';
import { WakeableSleep } from '@rtw/persistence';

/** What the dispatcher is made of. */
export interface DispatcherParts {
  readonly queue: DeliveryQueue;
  readonly directory: PartnerDirectory;
  readonly resilience: ResilienceRegistry;
  readonly runner: AttemptRunner;
  readonly clock: Clock;
  readonly logger: Logger;
  /** This dispatcher's lease owner id (unique per process). */
  readonly owner: string;
  /** Longest wait between two rounds when nothing wakes it (scheduled retries fall due). */
  readonly pollIntervalMs: number;
  /**
   * Added to the longest wait of a claimed message (its request timeout, times the turns per
   * request place: a turn may wait for the requests ahead of it) to make its lease.
   */
  readonly leaseMarginMs: number;
  /** Work before each round (the notification listener reconnects there). */
  readonly beforeRound?: () => Promise<void>;
}

/**
 * The delivery loop (ADR 0060). Each round asks which organisations have due messages, and for
 * each one that is not paused claims as many as its shield allows (free bulkhead slots, or one
 * probe when its circuit may half-open), then runs them without waiting: a slow or failing
 * organisation only ever occupies its own slots. It sleeps until a notification (intake, replay,
 * resume), a finished turn (a slot is free, the next message of a dossier may be due) or the poll
 * interval. Stopping aborts requests in flight and gives their messages back.
 */
export class DeliveryDispatcher {
  private readonly wake = new WakeableSleep();
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private loop: Promise<void> | undefined;

  constructor(private readonly parts: DispatcherParts) {}

  /** Starts the loop (once). */
  start(): void {
    this.loop ??= this.run();
  }

  /** Wakes the loop now (new work was signalled). */
  nudge(): void {
    this.wake.wake();
  }

  /** Stops claiming, aborts requests in flight (their messages are released), and waits. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  /** One round; public so tests and benchmarks can drive it step by step. */
  async round(): Promise<number> {
    const startedAt = performance.now();
    const started = await this.claimRound();
    this.parts.logger.debug(
      { claimed: started, ms: Math.round(performance.now() - startedAt) },
      'Dispatcher round',
    );
    return started;
  }

  private async claimRound(): Promise<number> {
    const { queue, clock, resilience, directory, leaseMarginMs, owner } = this.parts;
    await this.parts.beforeRound?.();
    const now = clock.now();
    const [due, paused] = await Promise.all([
      queue.dueOrganisations(now),
      queue.pausedOrganisations(),
    ]);
    // Claims for different organisations are independent: run them side by side.
    const claims = due
      .filter((organisationId) => !paused.has(organisationId) && !this.stopping.signal.aborted)
      .map((organisationId) => ({
        organisationId,
        capacity: resilience.of(organisationId).capacity(),
      }))
      .filter(({ capacity }) => capacity > 0)
      .map(async ({ organisationId, capacity }) => {
        // A turn may wait in the bulkhead behind `turnsPerPlace - 1` requests per place before its
        // own: the lease covers that, so a live dispatcher never loses a message to another.
        const timeoutMs =
          (directory.byId(organisationId)?.limits.timeoutMs ?? 0) *
          resilience.of(organisationId).turnsPerPlace;
        const claimed = await queue.claim({
          organisationId,
          limit: capacity,
          now,
          owner,
          leaseUntil: new Date(now.getTime() + timeoutMs + leaseMarginMs),
        });
        for (const message of claimed) this.track(message);
        return claimed.length;
      });
    const started = (await Promise.all(claims)).reduce((sum, n) => sum + n, 0);
    return started;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        await this.round();
        failures = 0;
      } catch (error) {
        failures += 1;
        dispatcherFailures.inc({ code: errorCode(error) });
        this.parts.logger.warn(
          { code: errorCode(error), err: error, failures },
          'Delivery round failed; trying again',
        );
      }
      if (this.stopping.signal.aborted) break;
      await this.wake.sleep(
        failures > 0 ? Math.min(30_000, 500 * 2 ** failures) : this.parts.pollIntervalMs,
      );
    }
  }

  private track(message: QueuedMessage): void {
    const shield = this.parts.resilience.of(message.organisationId);
    shield.begin();
    const turn = this.parts.runner
      .run(message, shield, this.stopping.signal)
      .then(
        () => undefined,
        async (error: unknown) => {
          dispatcherFailures.inc({ code: errorCode(error) });
          this.parts.logger.warn(
            { code: errorCode(error), err: error, messageId: message.id },
            'Delivery turn failed before its outcome was recorded; the lease will expire',
          );
        },
      )
      .finally(() => {
        shield.end();
        this.inFlight.delete(turn);
        this.wake.wake();
      });
    this.inFlight.add(turn);
  }
}

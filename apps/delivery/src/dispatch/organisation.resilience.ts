import {
  BulkheadPolicy,
  CircuitBreakerPolicy,
  CircuitState,
  CountBreaker,
  bulkhead,
  circuitBreaker,
  handleWhenResult,
  isBrokenCircuitError,
  isBulkheadRejectedError,
} from 'cockatiel';
import type { PartnerOrganisation } from '../directory/directory.types';
import { circuitState, inFlight } from '../metrics/delivery.metrics';

/** The circuit of an organisation as the API reports it. */
export type CircuitStatus = 'closed' | 'open' | 'half-open';

const STATUS_OF: Readonly<Record<CircuitState, CircuitStatus>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};
const GAUGE_OF: Readonly<Record<CircuitStatus, number>> = { closed: 0, open: 1, 'half-open': 2 };

/** The outcome of a guarded call: the call's result, or refused because the circuit is open. */
export type Guarded<T> = { readonly ran: true; readonly result: T } | { readonly ran: false };

/**
 * One organisation's shield (cockatiel, ADR 0060): a bulkhead caps its requests in flight at its
 * concurrency, and a count-based circuit breaker opens when more than `failureRate` of its latest
 * attempts failed (with a minimum, so a quiet partner is judged on enough calls), then lets one
 * probe through after `halfOpenAfter`. Each organisation has its own, so one partner's outage or slowness never
 * takes capacity from another. Breaker time is real time: it protects partners in the present,
 * while retry schedules run on the process clock.
 */
export class OrganisationResilience {
  private readonly bulkhead: BulkheadPolicy;
  private readonly breaker: CircuitBreakerPolicy;
  private openedAt = 0;
  /** Turns claimed and not yet settled (a turn reads the registers before it takes a slot). */
  private turns = 0;

  /**
   * `turnsPerPlace` (ADR 0062): how many messages may be under way (claimed, gated, waiting for a
   * request place, settling) per request place. The partner never sees more than its concurrency
   * in requests; the database work around each request no longer holds a request place. With 1,
   * a place is held from claim to settlement.
   */
  constructor(
    private readonly organisation: Pick<PartnerOrganisation, 'id' | 'limits'>,
    private readonly now: () => number = Date.now,
    readonly turnsPerPlace = 1,
  ) {
    const { concurrency, circuit } = organisation.limits;
    // The dispatcher claims at most `concurrency × turnsPerPlace` turns, so the queue never
    // overflows: a turn past the gate waits for a request place instead of being refused.
    this.bulkhead = bulkhead(concurrency, concurrency * (turnsPerPlace - 1));
    this.breaker = circuitBreaker(
      handleWhenResult(
        (result) => (result as { breakerFailure?: boolean }).breakerFailure === true,
      ),
      {
        halfOpenAfter: circuit.halfOpenAfterMs,
        breaker: new CountBreaker({
          threshold: circuit.failureRate,
          size: circuit.window,
          minimumNumberOfCalls: circuit.minimumCalls,
        }),
      },
    );
    this.breaker.onBreak(() => (this.openedAt = this.now()));
    this.breaker.onStateChange((state) =>
      circuitState.set({ organisation: organisation.id }, GAUGE_OF[STATUS_OF[state]]),
    );
    circuitState.set({ organisation: organisation.id }, 0);
    inFlight.set({ organisation: organisation.id }, 0);
  }

  /** The circuit now. */
  get circuit(): CircuitStatus {
    return STATUS_OF[this.breaker.state];
  }

  /** Requests in flight now. */
  get inFlight(): number {
    return this.organisation.limits.concurrency - this.bulkhead.executionSlots;
  }

  /** Messages claimed and not yet settled. */
  get claimed(): number {
    return this.turns;
  }

  /**
   * How many messages the dispatcher may claim now: the free turns while the circuit is closed,
   * one probe once an open circuit's wait is over and nothing else is under way, none otherwise.
   * Turns are counted from claim to settlement (at most `turnsPerPlace` per request place), so the
   * bulkhead, whose queue holds the turns beyond the places, never has to refuse a call.
   */
  capacity(): number {
    const limit = this.organisation.limits.concurrency * this.turnsPerPlace;
    const free = Math.max(0, limit - this.turns);
    switch (this.breaker.state) {
      case CircuitState.Closed:
        return free;
      case CircuitState.Open: {
        const waited = this.now() - this.openedAt;
        return waited >= this.organisation.limits.circuit.halfOpenAfterMs && this.turns === 0
          ? 1
          : 0;
      }
      default:
        return 0;
    }
  }

  /** A claimed message's turn begins (the dispatcher calls it per claimed message). */
  begin(): void {
    this.turns += 1;
  }

  /** A turn ended (settled, released or failed). */
  end(): void {
    this.turns = Math.max(0, this.turns - 1);
  }

  /**
   * Runs one request inside the bulkhead and the breaker. `breakerFailure` on the result counts it
   * against the partner (retryable failures do; a partner's 4xx answer shows it is up).
   */
  async run<T extends { breakerFailure: boolean }>(call: () => Promise<T>): Promise<Guarded<T>> {
    const gauge = { organisation: this.organisation.id };
    try {
      return {
        ran: true,
        result: await this.bulkhead.execute(() => {
          inFlight.set(gauge, this.inFlight);
          return this.breaker.execute(call);
        }),
      };
    } catch (error) {
      if (isBrokenCircuitError(error) || isBulkheadRejectedError(error)) return { ran: false };
      throw error;
    } finally {
      inFlight.set(gauge, this.inFlight);
    }
  }
}

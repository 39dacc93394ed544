import type { Partner } from '@rtw/messaging';
import type { WebhookSecret } from '@rtw/webhooks';

/** Kinds of receiving organisation, as in the partner message's `organisation.kind`. */
export type OrganisationKind = 'cpmt' | 'regional' | 'inami';

/** When the circuit of an organisation opens, and how long it stays open before a probe. */
export interface CircuitSettings {
  /** Share of failed attempts among the last `window` attempts that opens the circuit (0..1). */
  readonly failureRate: number;
  /** How many of the latest attempts are sampled. */
  readonly window: number;
  /** Attempts needed in the window before the rate counts (low-traffic partners). */
  readonly minimumCalls: number;
  /** Open time before one probe request is let through (half-open). */
  readonly halfOpenAfterMs: number;
}

/** How hard delivery may push one organisation. */
export interface DeliveryLimits {
  /** Requests in flight at once (bulkhead). */
  readonly concurrency: number;
  /** Whole-request deadline (connect, headers and body). */
  readonly timeoutMs: number;
  /** Longest Retry-After honoured; a partner asking for more waits this long. */
  readonly maxRetryAfterMs: number;
  readonly circuit: CircuitSettings;
}

/**
 * When to try again: `delaysMs[n]` is the wait before attempt n+1 counted from the previous one
 * (the first is 0: at once); after the last, the message is dead-lettered. Jitter spreads retries
 * by ± that share of the delay so that a recovering partner is not hit by a synchronised wave.
 */
export interface RetrySchedule {
  readonly delaysMs: readonly number[];
  readonly jitter: number;
}

/** Client certificate and trust for mutual TLS with one organisation (PEM contents). */
export interface TlsMaterial {
  readonly cert: string;
  readonly key: string;
  /** Trusted server CA; the system's trust store when absent. */
  readonly ca?: string;
}

/** One receiving organisation as delivery knows it: where and how to send, and how hard. */
export interface PartnerOrganisation {
  /** `<kind>:<code>`, e.g. `regional:actiris`, `cpmt:0403170701`, `inami:inami`. */
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly code: string;
  readonly partner: Partner;
  readonly name: string;
  /** Full URL every message to this organisation is POSTed to. */
  readonly endpoint: URL;
  /** Valid signing secrets, newest first (all are used during a rotation). */
  readonly secrets: readonly WebhookSecret[];
  readonly tls?: TlsMaterial;
  readonly limits: DeliveryLimits;
  readonly retrySchedule: RetrySchedule;
}

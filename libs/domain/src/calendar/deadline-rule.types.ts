import type { DossierEventType } from '../events/dossier-event.types';
import type { Scheme } from '../events/dossier.events';

/** A legal term; applied months first, then weeks, then days (days may be negative). */
export interface CalendarOffset {
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
}

/** A field of the start event that must hold a given value for the clock to start. */
export interface ClockCondition {
  /** Dotted path in the event, e.g. `data.decision`. */
  readonly path: string;
  readonly equals: string | number | boolean;
}

/**
 * One legal clock of the trajectory, as data (ADR 0010 for the counting, ADR 0048 for its events).
 * A deadline starts with `startEvent` (when `when` holds and the scheme is covered), is met by one
 * of `fulfilledBy`, and lapses without being due any more by one of `cancelledBy`. With
 * `matchOn`, a fulfilling or cancelling event that carries the path settles only the deadline
 * whose start event had the same value there; one that does not carry it (`dossier.closed`)
 * settles every deadline of the rule in the dossier.
 */
export interface DeadlineRule {
  /**
   * Stable id, carried as `ruleId` by `be.rtw.deadline.*` events: lower-case letters, digits and
   * hyphens, as their contract requires.
   */
  readonly id: string;
  /** The event whose occurrence starts the clock. */
  readonly startEvent: DossierEventType;
  /** Dotted path to the start date (`YYYY-MM-DD`) in that event, e.g. `data.sentOn`. */
  readonly startField: string;
  /** Moves the start date to the following 1 January before the offset is applied. */
  readonly anchor?: 'next-january-first';
  /** The term. */
  readonly offset: CalendarOffset;
  /** For windows ("during the 4th month"): the earliest date, same counting as `offset`. */
  readonly opensAfter?: CalendarOffset;
  /** All must hold on the start event, otherwise this clock does not start. */
  readonly when?: readonly ClockCondition[];
  /** Only dossiers under these schemes have this clock; absent means every scheme. */
  readonly schemes?: readonly Scheme[];
  /** Events that meet the obligation; empty when the hub acts on the date itself (retention). */
  readonly fulfilledBy: readonly DossierEventType[];
  /** Events after which the obligation no longer applies (exemption, closure, rejection). */
  readonly cancelledBy: readonly DossierEventType[];
  /** Dotted path that start and settling events must share (`data.planId`), if any. */
  readonly matchOn?: string;
  readonly description: string;
  /** The rule is only known from a secondary source: treat it as configurable. */
  readonly secondary?: boolean;
}

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

/** One legal clock of the trajectory, as data (see docs/adr/0010-legal-calendar-counting.md). */
export interface DeadlineRule {
  /** Stable id, carried as `ruleId` by `be.rtw.deadline.*` events. */
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
  /** Events that settle the clock; empty when the hub acts on the date itself (retention). */
  readonly fulfilledBy: readonly DossierEventType[];
  /** Dotted path that start and fulfilling events must share (`data.planId`), if any. */
  readonly matchOn?: string;
  readonly description: string;
  /** The rule is only known from a secondary source: treat it as configurable. */
  readonly secondary?: boolean;
}

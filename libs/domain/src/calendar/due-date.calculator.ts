import { addDays, addMonths, addWeeks, firstJanuaryAfter } from '../dates/date.arithmetic';
import { isIsoDate } from '../dates/iso-date.validator';
import type { Scheme } from '../events/dossier.events';
import type { CalendarOffset, DeadlineRule } from './deadline-rule.types';

/** When a clock started, when its window opens (if it is a window) and its last day. */
export interface DueWindow {
  readonly startOn: string;
  readonly opensOn?: string;
  /** The last day on which the obligation can still be met (included in the term). */
  readonly dueOn: string;
}

/** Applies a term to a `YYYY-MM-DD` date: months first (clamped to month end), then weeks, days. */
export function applyOffset(isoDate: string, offset: CalendarOffset): string {
  const afterMonths = addMonths(isoDate, offset.months ?? 0);
  return addDays(addWeeks(afterMonths, offset.weeks ?? 0), offset.days ?? 0);
}

/** The due date (and window opening) of a rule whose clock started on `startOn`. */
export function dueWindow(rule: DeadlineRule, startOn: string): DueWindow {
  const base = rule.anchor === 'next-january-first' ? firstJanuaryAfter(startOn) : startOn;
  return {
    startOn,
    ...(rule.opensAfter ? { opensOn: applyOffset(base, rule.opensAfter) } : {}),
    dueOn: applyOffset(base, rule.offset),
  };
}

/** What the calendar needs to know about the dossier beyond the event itself. */
export interface ClockContext {
  readonly scheme?: Scheme;
}

/**
 * The date on which `event` starts the rule's clock, or undefined when it does not start it
 * (other type, a condition not met, a scheme the rule does not cover, or no usable date).
 */
export function clockStartOn(
  rule: DeadlineRule,
  event: { readonly type: string },
  context: ClockContext = {},
): string | undefined {
  if (event.type !== rule.startEvent) return undefined;
  if (rule.schemes && (!context.scheme || !rule.schemes.includes(context.scheme))) return undefined;
  const conditionsHold = (rule.when ?? []).every((c) => valueAt(event, c.path) === c.equals);
  return conditionsHold ? dateOf(valueAt(event, rule.startField)) : undefined;
}

/** Reads a dotted path through own properties only (a path never reaches the prototype). */
export function valueAt(source: unknown, path: string): unknown {
  let current = source;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function dateOf(value: unknown): string | undefined {
  return isIsoDate(value) ? value : undefined;
}

import type { DossierEventType } from '../events/dossier-event.types';
import type { DeadlineRule } from './deadline-rule.types';
import { LEGAL_CALENDAR } from './legal-calendar.data';

/** The rule with this id, or undefined. */
export function deadlineRuleById(id: string): DeadlineRule | undefined {
  return LEGAL_CALENDAR.find((rule) => rule.id === id);
}

/** Rules whose clock an event of this type may start (conditions still apply). */
export function rulesStartedBy(type: DossierEventType): readonly DeadlineRule[] {
  return LEGAL_CALENDAR.filter((rule) => rule.startEvent === type);
}

/** Rules that an event of this type may fulfil. */
export function rulesFulfilledBy(type: DossierEventType): readonly DeadlineRule[] {
  return LEGAL_CALENDAR.filter((rule) => rule.fulfilledBy.includes(type));
}

/** Rules whose deadlines an event of this type may cancel. */
export function rulesCancelledBy(type: DossierEventType): readonly DeadlineRule[] {
  return LEGAL_CALENDAR.filter((rule) => rule.cancelledBy.includes(type));
}

import { deadlineRuleById, dueWindow } from '@rtw/domain';
import { RETENTION_RULE_ID } from '../deadlines/deadline.planner';

/**
 * The last day a dossier's data is kept: 31 December of the third year after the year its
 * incapacity file closed (`be.rtw.incapacity.ended`), i.e. 3 years from the next 1 January
 * (DOMAIN.md section 3). The legal calendar's retention rule holds the counting (ADR 0010).
 */
export function retentionUntil(incapacityEndedOn: string): string {
  const rule = deadlineRuleById(RETENTION_RULE_ID);
  if (!rule) throw new Error(`the legal calendar has no ${RETENTION_RULE_ID} rule`);
  return dueWindow(rule, incapacityEndedOn).dueOn;
}

/** What the retention job needs to know of a dossier. */
export interface RetentionFacts {
  readonly status: string;
  /** From the projection: set once the incapacity ended. */
  readonly retentionUntil: string | null;
}

/**
 * True when the dossier may be erased on the Belgian day `today`: it is closed (an open dossier is
 * still worked on, whatever its dates), its incapacity ended, and its last day of retention passed.
 */
export function isPurgeable(dossier: RetentionFacts, today: string): boolean {
  return (
    dossier.status === 'closed' && dossier.retentionUntil !== null && dossier.retentionUntil < today
  );
}

import { type Rejection, reject } from '../decision.types';
import type { RuleId } from '../rule.catalogue';

/**
 * Refuses a step dated before the date it must follow. Dates are `YYYY-MM-DD` (the contracts'
 * date format), whose string order is their calendar order; an unknown earlier date refuses
 * nothing.
 */
export function rejectIfBefore(
  rule: RuleId,
  date: string,
  earliest: string | undefined,
  message?: string,
): Rejection | undefined {
  return earliest !== undefined && date < earliest ? reject(rule, message) : undefined;
}

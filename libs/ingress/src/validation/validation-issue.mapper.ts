import type { ValidationIssue } from '@rtw/contracts';
import type { Refusal } from '../errors/ingress.error';

/**
 * A contract violation as a refusal. A NISS failing its format check (check digits, impossible
 * birth date) gets its own code, NISS_INVALID: it is the one mistake insurers ask about most,
 * and the fix (correct the number in the source system) differs from a schema mistake.
 */
export function refusalOfIssue(issue: ValidationIssue): Refusal {
  const lastToken = issue.pointer.slice(issue.pointer.lastIndexOf('/') + 1);
  if (issue.code === 'SCHEMA_FORMAT' && lastToken === 'niss') {
    return {
      code: 'NISS_INVALID',
      message: 'NISS or BIS number has invalid check digits or birth date',
      pointer: issue.pointer,
    };
  }
  return { code: issue.code, message: issue.message, pointer: issue.pointer };
}

import type { ValidationIssue } from '@rtw/contracts';
import type { Refusal } from '../errors/ingress.error';

/**
 * A contract violation as a refusal. The contracts already give each semantic fault its own code
 * (NISS_INVALID for a NISS failing its checks, ENTERPRISE_NUMBER_INVALID, ...), the same code
 * `rtw validate` and the tracker give, so the issue passes through unchanged (ADR 0046).
 */
export function refusalOfIssue(issue: ValidationIssue): Refusal {
  return { code: issue.code, message: issue.message, pointer: issue.pointer };
}

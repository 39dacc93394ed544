import { HubError } from '@rtw/platform';

/** Codes of failures in the contract tooling itself (not in the events it validates). */
export const CONTRACT_ERROR_CODES = [
  'CONTRACTS_NOT_FOUND',
  'CONTRACT_SCHEMA_INVALID',
  'COMPATIBILITY_CONFIG_INVALID',
] as const;

/** One of {@link CONTRACT_ERROR_CODES}. */
export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number];

/**
 * A problem with the contracts themselves: a schema folder that cannot be found or compiled, or a
 * compatibility configuration that cannot be read (events that break a contract are reported as
 * validation results, not thrown). Never retriable: the same input fails the same way.
 */
export class ContractError extends HubError<ContractErrorCode> {
  constructor(args: {
    code: ContractErrorCode;
    message: string;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super({ ...args, retriable: false });
  }
}

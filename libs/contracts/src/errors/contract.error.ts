import { HubError } from '@rtw/platform';

/** Codes of failures in the contract tooling itself (not in the events it validates). */
export type ContractErrorCode =
  | 'CONTRACTS_NOT_FOUND'
  | 'CONTRACT_SCHEMA_INVALID'
  | 'CONTRACT_VIOLATION'
  | 'COMPATIBILITY_CONFIG_INVALID';

/**
 * A contract problem: a schema folder that cannot be found or compiled, or an event that breaks
 * its contract. Never retriable: the same input fails the same way.
 */
export class ContractError extends HubError {
  constructor(args: {
    code: ContractErrorCode;
    message: string;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super({ ...args, retriable: false });
  }
}

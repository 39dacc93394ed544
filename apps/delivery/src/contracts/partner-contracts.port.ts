/** Why a body does not meet its partner contract (stable codes: refusals, replay verdicts). */
export type ContractRefusalCode =
  | 'CONTRACT_UNKNOWN'
  | 'CONTRACT_CONTENT_TYPE_MISMATCH'
  | 'CONTRACT_BODY_UNREADABLE'
  | 'CONTRACT_VIOLATION';

/** The verdict on a body: it meets the contract, or the first reason it does not. */
export type ContractVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: ContractRefusalCode;
      /** JSON pointer (or XPath-like location) of the fault; never a value. */
      readonly pointer?: string;
      readonly message: string;
    };

/**
 * The partner contracts (JSON Schemas and XSDs per partner, ADR 0060): delivery checks a body
 * against the contract the connector named before the first send and before every replay, so
 * nothing leaves the hub that its contract does not accept.
 */
export interface PartnerContracts {
  validate(contract: string, contentType: string, body: Buffer): ContractVerdict;
}

/** Injection token of the process's {@link PartnerContracts}. */
export const PARTNER_CONTRACTS = Symbol('PARTNER_CONTRACTS');

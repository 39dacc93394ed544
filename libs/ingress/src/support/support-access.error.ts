import { HubError } from '@rtw/platform';

/**
 * Every way a support API refuses a caller, before the API's own checks. Each support API lists
 * these among its codes (a type check in each app: `SupportAccessCode` must be one of its codes),
 * so they mean the same everywhere. Never rename one; add a new one instead.
 */
export const SUPPORT_ACCESS_CODES = [
  // Authentication (who is calling)
  'AUTHENTICATION_REQUIRED',
  'TOKEN_MALFORMED',
  'TOKEN_SIGNATURE_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_NOT_YET_VALID',
  'TOKEN_CLAIMS_INVALID',
  'TOKEN_REPLAYED',
  'UNKNOWN_ORGANISATION',
  // Authorisation (may this person do this)
  'ORGANISATION_NOT_SUPPORT',
  'ROLE_REQUIRED',
  'ACTOR_REQUIRED',
] as const;

/** One of {@link SUPPORT_ACCESS_CODES}. */
export type SupportAccessCode = (typeof SUPPORT_ACCESS_CODES)[number];

const KNOWN = new Set<string>(SUPPORT_ACCESS_CODES);

/** True for one of the support access codes. */
export function isSupportAccessCode(value: unknown): value is SupportAccessCode {
  return typeof value === 'string' && KNOWN.has(value);
}

/** A support API caller refused: not authenticated (401 codes) or not allowed (403 codes). */
export class SupportAccessError extends HubError<SupportAccessCode> {
  constructor(args: { code: SupportAccessCode; message: string; cause?: unknown }) {
    super({ ...args, retriable: false });
  }
}

import { IngressError } from '../errors/ingress.error';
import type { ReasonCode } from '../errors/reason.codes';

// jose's error codes, mapped to ours; `ERR_JWT_CLAIM_VALIDATION_FAILED` is split by claim below.
const BY_JOSE_CODE: Readonly<Record<string, ReasonCode>> = {
  ERR_JWT_EXPIRED: 'TOKEN_EXPIRED',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'TOKEN_SIGNATURE_INVALID',
  ERR_JWKS_NO_MATCHING_KEY: 'TOKEN_SIGNATURE_INVALID',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'TOKEN_SIGNATURE_INVALID',
  ERR_JOSE_ALG_NOT_ALLOWED: 'TOKEN_SIGNATURE_INVALID',
  ERR_JOSE_NOT_SUPPORTED: 'TOKEN_SIGNATURE_INVALID',
  ERR_JWS_INVALID: 'TOKEN_MALFORMED',
  ERR_JWT_INVALID: 'TOKEN_MALFORMED',
};

const MESSAGES: Readonly<Partial<Record<ReasonCode, string>>> = {
  TOKEN_EXPIRED: 'token has expired',
  TOKEN_NOT_YET_VALID: 'token is not valid yet',
  TOKEN_SIGNATURE_INVALID: "token signature does not verify with the organisation's keys",
  TOKEN_MALFORMED: 'token is not a well-formed JWS compact JWT',
};

/** Turns a jose verification failure into our refusal; the token itself is never quoted. */
export function mapJoseError(error: unknown): IngressError {
  const { code, claim, reason } = (error ?? {}) as {
    code?: string;
    claim?: string;
    reason?: string;
  };
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    // A time claim that is present but later than now means "not yet"; a missing one is a bad token.
    if ((claim === 'nbf' || claim === 'iat') && reason === 'check_failed')
      return tokenError('TOKEN_NOT_YET_VALID');
    return new IngressError({
      code: 'TOKEN_CLAIMS_INVALID',
      message: `token claim ${safeClaim(claim)} is missing or not accepted`,
      cause: error,
    });
  }
  return tokenError(BY_JOSE_CODE[code ?? ''] ?? 'TOKEN_MALFORMED', error);
}

/** A token refusal with its standard message. */
export function tokenError(code: ReasonCode, cause?: unknown): IngressError {
  return new IngressError({ code, message: MESSAGES[code] ?? 'token is not accepted', cause });
}

function safeClaim(claim: string | undefined): string {
  return claim !== undefined && /^[a-z]{2,10}$/.test(claim) ? claim : '(unnamed)';
}

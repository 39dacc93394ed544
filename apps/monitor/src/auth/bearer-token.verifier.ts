import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { rolesOf } from '@rtw/ingress';
import type { Clock, Logger } from '@rtw/platform';
import { MonitorApiError } from '../http/monitor-api.error';
import type { ConsoleSession } from './console-session.types';

/** What the verifier needs to know about the identity provider (from its discovery document). */
export interface IssuerKeys {
  readonly issuer: string;
  readonly jwksUri: string;
}

/** Where access tokens come from and whom they must be for. */
export interface BearerTokenVerifierOptions {
  /** The provider's issuer and JWKS URI (the console login's discovery, lazy and retried). */
  readonly issuerKeys: () => Promise<IssuerKeys>;
  /** The resource indicator the tokens must be issued for (`aud`), e.g. urn:rtw:hub:monitor. */
  readonly audience: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Signature algorithms a provider may sign access tokens with; never `none` nor a shared secret. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/**
 * Accepts OAuth access tokens of the console's own identity provider (ADR 0100): JWTs of RFC 9068
 * (`typ: at+jwt`) signed with a key of the issuer's JWKS, for the monitor's audience, not expired,
 * whose `rtw_roles` and `rtw_insurer` claims are read exactly as the console login reads them from
 * the ID token (ADR 0090). The checks are `jose`'s; this class maps its refusals to reason codes:
 * TOKEN_EXPIRED, TOKEN_AUDIENCE_MISMATCH, TOKEN_INVALID (401), NO_SUPPORT_ROLE (403), and
 * IDENTITY_PROVIDER_UNAVAILABLE (503) when the keys cannot be fetched.
 */
export class BearerTokenVerifier {
  private keys?: { uri: string; get: ReturnType<typeof createRemoteJWKSet> };

  constructor(private readonly options: BearerTokenVerifierOptions) {}

  /** The person the token speaks for, as a token "session" (no cookie, no CSRF token). */
  async verify(token: string): Promise<ConsoleSession> {
    const { issuer, jwksUri } = await this.options.issuerKeys();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keysAt(jwksUri), {
        issuer,
        audience: this.options.audience,
        typ: 'at+jwt',
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        currentDate: this.options.clock.now(),
      }));
    } catch (error) {
      throw this.refusal(error);
    }
    const roles = [...rolesOf(payload['rtw_roles'])];
    if (roles.length === 0)
      throw new MonitorApiError({
        code: 'NO_SUPPORT_ROLE',
        message: 'the token carries no support role (viewer, operator or privacy-officer)',
      });
    const insurer = payload['rtw_insurer'];
    const clientId = payload['client_id'];
    return {
      subject: payload.sub!,
      name: payload.sub!,
      roles,
      insurer: typeof insurer === 'string' && insurer !== '' ? insurer : null,
      csrf: '',
      via: { channel: 'token', clientId: typeof clientId === 'string' ? clientId : null },
    };
  }

  private keysAt(uri: string): ReturnType<typeof createRemoteJWKSet> {
    // jose caches the key set and fetches it again when a token names an unknown key (rotation).
    if (this.keys?.uri !== uri) this.keys = { uri, get: createRemoteJWKSet(new URL(uri)) };
    return this.keys.get;
  }

  /** jose's refusal as a reason code; never the token or its claims in the words or the log. */
  private refusal(error: unknown): MonitorApiError {
    if (error instanceof errors.JWTExpired)
      return new MonitorApiError({
        code: 'TOKEN_EXPIRED',
        message: 'the access token has expired; get a new one',
      });
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud')
      return new MonitorApiError({
        code: 'TOKEN_AUDIENCE_MISMATCH',
        message: `the access token is not for this monitor (audience ${this.options.audience})`,
      });
    if (keysUnavailable(error)) {
      this.options.logger.warn(
        { kind: (error as Error).name, code: (error as { code?: string }).code },
        "The identity provider's signing keys cannot be fetched",
      );
      return new MonitorApiError({
        code: 'IDENTITY_PROVIDER_UNAVAILABLE',
        message: "the identity provider's keys cannot be fetched; try again shortly",
        cause: error,
      });
    }
    return new MonitorApiError({
      code: 'TOKEN_INVALID',
      message: 'the access token is not valid here (signature, issuer, type or claims)',
    });
  }
}

/** A JWKS that could not be fetched (network, timeout, not a 200), as opposed to a bad token. */
function keysUnavailable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout) return true;
  if (error instanceof errors.JOSEError) return error.code === 'ERR_JOSE_GENERIC';
  return true;
}

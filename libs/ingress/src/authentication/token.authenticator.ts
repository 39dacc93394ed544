import {
  createLocalJWKSet,
  decodeJwt,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { IngressError } from '../errors/ingress.error';
import type { OrganisationRegistry } from '../organisations/organisation.registry';
import type { Organisation } from '../organisations/organisation.types';
import type { Caller } from './caller.types';
import { mapJoseError, tokenError } from './jose-error.mapper';
import { TOKEN_ALGORITHMS, type TokenPolicy } from './token-policy';

const TOKEN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Verifies bearer JWTs: the unverified `iss` picks the organisation, whose JWKS must verify the
 * signature; then `aud`, `exp`, `nbf`, `iat`, `jti` and the lifetime are checked. Replays are
 * not checked here (that needs the shared register, see TokenReplayGuard).
 */
export class TokenAuthenticator {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  constructor(
    private readonly registry: OrganisationRegistry,
    private readonly policy: TokenPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The caller a compact JWT proves, or an IngressError saying why not. */
  async authenticate(token: string): Promise<Caller> {
    const organisation = this.organisationOf(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySetOf(organisation), {
        issuer: organisation.source,
        audience: this.policy.audience,
        algorithms: [...TOKEN_ALGORITHMS],
        clockTolerance: this.policy.clockToleranceSeconds,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
        currentDate: this.now(),
      }));
    } catch (error) {
      throw mapJoseError(error);
    }
    return { organisation, method: 'token', token: this.checkTimes(payload), claims: payload };
  }

  private organisationOf(token: string): Organisation {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch (error) {
      throw tokenError('TOKEN_MALFORMED', error);
    }
    const organisation = typeof issuer === 'string' ? this.registry.byIssuer(issuer) : undefined;
    if (!organisation)
      throw new IngressError({
        code: 'UNKNOWN_ORGANISATION',
        message: 'token issuer is not a known organisation',
      });
    if (!organisation.jwks) throw tokenError('TOKEN_SIGNATURE_INVALID');
    return organisation;
  }

  /** `iat` in the future and overlong lifetimes are refused; jose checks neither on its own. */
  private checkTimes(payload: JWTPayload): { id: string; expiresAt: Date } {
    const { iat = 0, exp = 0, jti } = payload;
    const nowSeconds = this.now().getTime() / 1000;
    if (iat > nowSeconds + this.policy.clockToleranceSeconds)
      throw tokenError('TOKEN_NOT_YET_VALID');
    if (exp - iat > this.policy.maxLifetimeSeconds) {
      throw new IngressError({
        code: 'TOKEN_CLAIMS_INVALID',
        message: `token lifetime exceeds ${this.policy.maxLifetimeSeconds} seconds`,
      });
    }
    if (typeof jti !== 'string' || !TOKEN_ID.test(jti)) {
      throw new IngressError({
        code: 'TOKEN_CLAIMS_INVALID',
        message: 'token claim jti must be 1 to 128 URL-safe characters',
      });
    }
    return { id: jti, expiresAt: new Date(exp * 1000) };
  }

  private keySetOf(organisation: Organisation): JWTVerifyGetKey {
    let keySet = this.keySets.get(organisation.id);
    if (!keySet) {
      keySet = createLocalJWKSet(organisation.jwks!);
      this.keySets.set(organisation.id, keySet);
    }
    return keySet;
  }
}

import { IngressError } from '../errors/ingress.error';
import type { TokenAuthenticator } from '../authentication/token.authenticator';
import type { TokenReplayGuard } from '../authentication/token-replay.guard';
import { SupportAccessError, isSupportAccessCode } from './support-access.error';
import { rolesOf, type SupportActor, type SupportRole } from './support-actor.types';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/** What a support API needs to authenticate its callers. */
export interface SupportAuthenticatorParts {
  /** Verifies the bearer JWT against the organisations registry, with the API's own audience. */
  readonly tokens: TokenAuthenticator;
  /** The register of used token ids, for single-use tokens (audited actions). */
  readonly replays?: TokenReplayGuard;
  /** The API's name in refusal messages ("only support organisations use the <api>"). */
  readonly api: string;
}

/**
 * Authenticates a caller of a support API (ADR 0061, 0031): a bearer JWT of an organisation of
 * kind `support` in the organisations registry, verified as the gateway verifies insurers' tokens,
 * with its roles from the `rtw_roles` claim and the acting person from `sub`. Framework-free: each
 * app's guard calls it and maps {@link SupportAccessError} to its own problem codes.
 */
export class SupportAuthenticator {
  constructor(private readonly parts: SupportAuthenticatorParts) {}

  /**
   * The actor an `Authorization` header proves. `singleUse` also claims the token's id, so a
   * captured token cannot be used twice (operator actions).
   */
  async authenticate(
    authorization: string | undefined,
    options: { singleUse?: boolean } = {},
  ): Promise<SupportActor> {
    const match = BEARER.exec(authorization ?? '');
    if (!match)
      throw new SupportAccessError({
        code: 'AUTHENTICATION_REQUIRED',
        message: 'send Authorization: Bearer <token>',
      });
    let caller;
    try {
      caller = await this.parts.tokens.authenticate(match[1]!);
    } catch (error) {
      if (error instanceof IngressError && isSupportAccessCode(error.code))
        throw new SupportAccessError({ code: error.code, message: error.message, cause: error });
      throw error;
    }
    if (caller.organisation.kind !== 'support')
      throw new SupportAccessError({
        code: 'ORGANISATION_NOT_SUPPORT',
        message: `only support organisations use the ${this.parts.api}`,
      });
    if (options.singleUse && caller.token && !(await this.claim(caller)))
      throw new SupportAccessError({
        code: 'TOKEN_REPLAYED',
        message: 'this token was used before',
      });
    const claims = caller.claims ?? {};
    const subject =
      typeof claims['sub'] === 'string' && claims['sub'] !== '' ? claims['sub'] : undefined;
    return {
      organisation: caller.organisation,
      ...(subject ? { subject } : {}),
      roles: rolesOf(claims['rtw_roles']),
    };
  }

  private claim(caller: {
    organisation: { source: string };
    token?: { id: string; expiresAt: Date };
  }): Promise<boolean> {
    if (!this.parts.replays) throw new Error('single-use tokens need a token replay register');
    return this.parts.replays.claim(
      caller.organisation.source,
      caller.token!.id,
      caller.token!.expiresAt,
    );
  }
}

/** Refuses an actor without the role an action needs. */
export function requireRole(actor: SupportActor, role: SupportRole): void {
  if (!actor.roles.has(role))
    throw new SupportAccessError({
      code: 'ROLE_REQUIRED',
      message: `this action needs the ${role} role`,
    });
}

/** The actor of an audited access or change: the token must name the person (`sub`). */
export function requireSubject(actor: SupportActor): SupportActor & { subject: string } {
  if (!actor.subject)
    throw new SupportAccessError({
      code: 'ACTOR_REQUIRED',
      message: 'audited actions need a token naming the person (sub)',
    });
  return actor as SupportActor & { subject: string };
}

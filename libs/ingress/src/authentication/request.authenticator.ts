import { withDatabase } from '../database/database-failure';
import { IngressError } from '../errors/ingress.error';
import type { OrganisationRegistry } from '../organisations/organisation.registry';
import type { Caller, Credentials } from './caller.types';
import type { DevKeyAuthenticator } from './dev-key.authenticator';
import type { TokenAuthenticator } from './token.authenticator';
import type { TokenReplayGuard } from './token-replay.guard';

/** What the request authenticator is made of. */
export interface RequestAuthenticatorParts {
  registry: OrganisationRegistry;
  tokens: TokenAuthenticator;
  replays: TokenReplayGuard;
  /** Present only when local-development keys are enabled. */
  devKeys?: DevKeyAuthenticator;
}

const SCHEME = /^(\S+)\s+(\S+)$/;

/**
 * Decides who is calling: a client certificate (mutual TLS) first, else the `Authorization`
 * header (a bearer JWT, single use; or a development key when enabled).
 */
export class RequestAuthenticator {
  constructor(private readonly parts: RequestAuthenticatorParts) {}

  /** The caller, or an IngressError with the reason the credentials are refused. */
  async authenticate(credentials: Credentials): Promise<Caller> {
    if (credentials.clientCertificateFingerprint !== undefined)
      return this.byCertificate(credentials.clientCertificateFingerprint);
    const match = SCHEME.exec(credentials.authorization?.trim() ?? '');
    const scheme = match?.[1]?.toLowerCase();
    if (scheme === 'bearer') return this.byToken(match![2]!);
    if (scheme === 'devkey') {
      if (this.parts.devKeys) return this.parts.devKeys.authenticate(match![2]!);
      // A developer pointing curl at a gateway started without keys: say why, and how to fix it.
      throw new IngressError({
        code: 'DEV_KEYS_DISABLED',
        message:
          'development keys are disabled on this gateway; send a bearer token or present a client certificate (outside production, start the gateway with GATEWAY_DEV_STATIC_KEYS naming a keys file to enable them)',
      });
    }
    throw new IngressError({
      code: 'AUTHENTICATION_REQUIRED',
      message: 'send a bearer token or present a client certificate',
    });
  }

  private byCertificate(fingerprint: string): Caller {
    const organisation = this.parts.registry.byFingerprint(fingerprint);
    if (!organisation)
      throw new IngressError({
        code: 'UNKNOWN_ORGANISATION',
        message: 'client certificate is not registered to an organisation',
      });
    return { organisation, method: 'certificate' };
  }

  private async byToken(token: string): Promise<Caller> {
    const caller = await this.parts.tokens.authenticate(token);
    const { id, expiresAt } = caller.token!;
    const first = await withDatabase(() =>
      this.parts.replays.claim(caller.organisation.source, id, expiresAt),
    );
    if (!first)
      throw new IngressError({
        code: 'TOKEN_REPLAYED',
        message: 'token id (jti) was already used',
      });
    return caller;
  }
}

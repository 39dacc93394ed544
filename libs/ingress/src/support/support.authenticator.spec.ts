import { createTestTrust, type TestTrust } from '@rtw/testing';
import { InMemoryTokenReplayGuard } from '../authentication/token-replay.guard';
import { TokenAuthenticator } from '../authentication/token.authenticator';
import { loadOrganisations } from '../organisations/organisations-file.loader';
import { rolesOf } from './support-actor.types';
import { SupportAuthenticator, requireRole, requireSubject } from './support.authenticator';

const AUDIENCE = 'urn:rtw:hub:tracker';

describe('SupportAuthenticator', () => {
  let trust: TestTrust;
  let authenticator: SupportAuthenticator;

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        { kind: 'support', code: 'hub-support' },
        { kind: 'insurer', code: '100' },
      ],
      audience: AUDIENCE,
    });
    authenticator = new SupportAuthenticator({
      tokens: new TokenAuthenticator(
        loadOrganisations({ file: trust.file, configKey: 'K', production: false }),
        { audience: AUDIENCE, clockToleranceSeconds: 30, maxLifetimeSeconds: 300 },
      ),
      replays: new InMemoryTokenReplayGuard(),
      api: 'test API',
    });
  });

  async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
    try {
      await work;
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  }

  it('returns the support organisation, the acting person and the roles of a valid token', async () => {
    const token = await trust.sign('support:hub-support', {
      sub: 'agent-7',
      rtw_roles: ['operator'],
    });
    const actor = await authenticator.authenticate(`Bearer ${token}`);
    expect(actor.organisation.id).toBe('support:hub-support');
    expect(actor.subject).toBe('agent-7');
    expect([...actor.roles].sort()).toEqual(['operator', 'viewer']);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s with AUTHENTICATION_REQUIRED', async (_what, header) => {
    expect(await codeOf(authenticator.authenticate(header))).toBe('AUTHENTICATION_REQUIRED');
  });

  it('passes on the token verdict as a support access code', async () => {
    const foreign = await trust.signWithForeignKey('support:hub-support');
    expect(await codeOf(authenticator.authenticate(`Bearer ${foreign}`))).toBe(
      'TOKEN_SIGNATURE_INVALID',
    );
    expect(await codeOf(authenticator.authenticate('Bearer not.a.jwt'))).toBe('TOKEN_MALFORMED');
  });

  it('refuses an insurer with ORGANISATION_NOT_SUPPORT', async () => {
    const token = await trust.sign('insurer:100', { rtw_roles: ['viewer'] });
    expect(await codeOf(authenticator.authenticate(`Bearer ${token}`))).toBe(
      'ORGANISATION_NOT_SUPPORT',
    );
  });

  it('accepts a single-use token once, then refuses it with TOKEN_REPLAYED', async () => {
    const header = `Bearer ${await trust.sign('support:hub-support', { rtw_roles: ['operator'] })}`;
    await authenticator.authenticate(header, { singleUse: true });
    expect(await codeOf(authenticator.authenticate(header, { singleUse: true }))).toBe(
      'TOKEN_REPLAYED',
    );
  });

  it('refuses a missing role with ROLE_REQUIRED and a token naming nobody with ACTOR_REQUIRED', async () => {
    const token = await trust.sign('support:hub-support', { rtw_roles: ['viewer'] });
    const actor = await authenticator.authenticate(`Bearer ${token}`);
    expect(await codeOf((async () => requireRole(actor, 'operator'))())).toBe('ROLE_REQUIRED');
    expect(await codeOf((async () => requireSubject(actor))())).toBe('ACTOR_REQUIRED');
  });
});

describe('rolesOf', () => {
  it.each([
    [['viewer'], ['viewer']],
    ['operator privacy-officer', ['operator', 'privacy-officer', 'viewer']],
    [['administrator', 'root'], []],
    [undefined, []],
    [42, []],
  ])('reads %j as %j', (claim, roles) => {
    expect([...rolesOf(claim)].sort()).toEqual(roles);
  });
});

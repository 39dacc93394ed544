import { SessionSealer } from './session.sealer';

const SECRET = 'test-only-session-secret-0123456789abcdef';

describe('SessionSealer', () => {
  it('opens what it sealed', async () => {
    const sealer = new SessionSealer(SECRET, 'session');
    const sealed = await sealer.seal({ subject: 'operator', roles: ['operator'] }, 60);
    expect(await sealer.open(sealed)).toMatchObject({ subject: 'operator', roles: ['operator'] });
  });

  it('hides the payload: the sealed value does not contain it in clear or base64', async () => {
    const sealed = await new SessionSealer(SECRET, 'session').seal(
      { csrf: 'csrf-token-value' },
      60,
    );
    expect(sealed).not.toContain('csrf-token-value');
    expect(Buffer.from(sealed, 'latin1').toString('base64')).not.toContain(
      'Y3NyZi10b2tlbi12YWx1ZQ',
    );
  });

  it('refuses a tampered value, another purpose, another secret and an expired value', async () => {
    const sealer = new SessionSealer(SECRET, 'session');
    const sealed = await sealer.seal({ subject: 'operator' }, 60);
    const tampered = `${sealed.slice(0, -4)}${sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(await sealer.open(tampered)).toBeUndefined();
    expect(await new SessionSealer(SECRET, 'login').open(sealed)).toBeUndefined();
    expect(await new SessionSealer(`${SECRET}-other`, 'session').open(sealed)).toBeUndefined();
    expect(await sealer.open(await sealer.seal({ subject: 'operator' }, -120))).toBeUndefined();
    expect(await sealer.open(undefined)).toBeUndefined();
  });
});

import { ConfigError, loadConfig } from '@rtw/platform';
import { monitorConfigSpec } from './monitor.config';

function problems(environment: NodeJS.ProcessEnv): Array<{ key: string; reason: string }> {
  try {
    loadConfig(monitorConfigSpec(environment), environment);
    return [];
  } catch (error) {
    return (error as ConfigError).problems.map(({ key, reason }) => ({ key, reason }));
  }
}

const SECRETS = {
  MONITOR_OIDC_CLIENT_SECRET: 'development-only-monitor-oidc-client-secret',
  MONITOR_SESSION_SECRET: 'development-only-monitor-session-cookie-key-local',
};

describe('the monitor configuration', () => {
  it('requires the client secret and the session key, so the monitor refuses to start without them', () => {
    expect(problems({})).toEqual([
      { key: 'MONITOR_OIDC_CLIENT_SECRET', reason: 'is required' },
      { key: 'MONITOR_SESSION_SECRET', reason: 'is required' },
    ]);
  });

  it('accepts development secrets outside production and refuses them in production', () => {
    expect(problems({ NODE_ENV: 'development', ...SECRETS })).toEqual([]);
    expect(problems({ NODE_ENV: 'production', ...SECRETS }).map((p) => p.key)).toEqual([
      'MONITOR_OIDC_CLIENT_SECRET',
      'MONITOR_SESSION_SECRET',
    ]);
  });

  it('refuses a session key shorter than 32 characters', () => {
    expect(problems({ ...SECRETS, MONITOR_SESSION_SECRET: 'too-short' })).toEqual([
      { key: 'MONITOR_SESSION_SECRET', reason: 'must be at least 32 characters' },
    ]);
  });
});

import { ConfigError, loadConfig } from '@rtw/platform';
import { gatewayConfigSpec } from './gateway.config';

function problems(env: NodeJS.ProcessEnv): Array<{ key: string; reason: string }> {
  try {
    loadConfig(gatewayConfigSpec(env), env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe('the gateway configuration', () => {
  it('refuses development keys when NODE_ENV is production, naming the key', () => {
    expect(
      problems({
        NODE_ENV: 'production',
        GATEWAY_DEV_STATIC_KEYS: 'config/keys/dev-static-keys.json',
      }),
    ).toEqual([{ key: 'GATEWAY_DEV_STATIC_KEYS', reason: 'is refused when NODE_ENV=production' }]);
  });

  it('allows development keys outside production, and runs without them by default', () => {
    expect(
      problems({
        NODE_ENV: 'development',
        GATEWAY_DEV_STATIC_KEYS: 'config/keys/dev-static-keys.json',
      }),
    ).toEqual([]);
    expect(loadConfig(gatewayConfigSpec({}), {})).toMatchObject({
      GATEWAY_DEV_STATIC_KEYS: 'none',
      GATEWAY_BATCH_MAX_EVENTS: 500,
      GATEWAY_MTLS_PORT: 0,
    });
  });
});

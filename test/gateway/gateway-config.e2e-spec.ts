import { startAppProcess, testDatabaseUrl } from '@rtw/testing';

function fatalLine(output: string): Record<string, unknown> | undefined {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((line) => line['level'] === 'fatal');
}

describe('the gateway refusing development settings in production', () => {
  it('exits with code 78 and names GATEWAY_DEV_STATIC_KEYS when development keys are enabled in production', async () => {
    const gateway = await startAppProcess({
      name: 'gateway',
      portKey: 'GATEWAY_PORT',
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: testDatabaseUrl(),
        GATEWAY_DEV_STATIC_KEYS: 'config/keys/dev-static-keys.json',
      },
    });
    expect(await gateway.exited()).toBe(78);
    expect(fatalLine(gateway.output())).toMatchObject({
      code: 'CONFIG_INVALID',
      problems: [{ key: 'GATEWAY_DEV_STATIC_KEYS', reason: 'is refused when NODE_ENV=production' }],
    });
  });

  it('does not start in production on the development organisations registry', async () => {
    const gateway = await startAppProcess({
      name: 'gateway',
      portKey: 'GATEWAY_PORT',
      env: { NODE_ENV: 'production', DATABASE_URL: testDatabaseUrl() },
    });
    expect(await gateway.exited()).not.toBe(0);
    expect(gateway.output()).toContain('GATEWAY_ORGANISATIONS_FILE');
    expect(gateway.output()).toContain(
      'is a development registry, refused when NODE_ENV=production',
    );
  });
});

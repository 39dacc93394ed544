import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEnvExample } from './env-example';
import { HUB_APPS } from './hub-apps';

describe('.env.example', () => {
  it("is up to date with the apps' configuration specifications", () => {
    const committed = readFileSync(join(__dirname, '..', '.env.example'), 'utf8');
    expect(committed).toBe(renderEnvExample());
  });

  it("lists every app's port variable and the shared connection settings", () => {
    const text = renderEnvExample();
    for (const app of HUB_APPS) expect(text).toContain(`\n${app.port.key}=${app.port.default}\n`);
    expect(text).toContain('\nKAFKA_BROKERS=127.0.0.1:9092\n');
    expect(text).toContain('\nDATABASE_URL=postgres://postgres@127.0.0.1:5432/rtw\n');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readConfig } from '@rtw/runtime';
import { HUB_APPS } from './hub-apps';

// No Docker engine runs on the project's machines, so `docker compose up` cannot be run here.
// This keeps docker-compose.yml true to the apps instead: every app has a service on its port
// with a readiness health check, and every service waits for what it needs.
interface ComposeService {
  environment?: Record<string, string | number | boolean>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  command?: string[];
}

// Compose applies YAML merge keys (`<<: *app`), so the parser must too.
const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
};

/** Where monitor-trust writes, and the apps that sign or check the monitor's support tokens. */
const KEYS = '/hub/.local/keys';
const TRUSTING = ['gateway', 'tracker', 'delivery', 'monitor'];

describe('docker-compose.yml', () => {
  it('runs every hub app on its default port, with a health check on /health/ready', () => {
    for (const app of HUB_APPS) {
      const service = compose.services[app.app];
      expect(service?.environment).toMatchObject({
        APP: app.app,
        [app.port.key]: app.port.default,
      });
      expect(service?.ports).toEqual([`127.0.0.1:${app.port.default}:${app.port.default}`]);
      expect(service?.healthcheck?.test.join(' ')).toContain(`:${app.port.default}/health/ready`);
    }
  });

  it('starts the apps that need Kafka and PostgreSQL only after the broker is healthy and the migrations ran', () => {
    for (const app of HUB_APPS.filter((a) => a.kafka !== false && a.database !== false)) {
      expect(compose.services[app.app]?.depends_on).toEqual({
        kafka: { condition: 'service_healthy' },
        migrate: { condition: 'service_completed_successfully' },
        ...(TRUSTING.includes(app.app)
          ? { 'monitor-trust': { condition: 'service_completed_successfully' } }
          : {}),
      });
    }
    expect(compose.services['migrate']?.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
    });
    expect(compose.services['migrate']?.command).toEqual(['node', 'scripts/db-prepare.mjs']);
  });

  it("gives every app a configuration it starts with: the monitor's secrets and signing key included", () => {
    for (const app of HUB_APPS) {
      const env = Object.fromEntries(
        Object.entries(compose.services[app.app]?.environment ?? {}).map(([k, v]) => [k, `${v}`]),
      );
      expect([app.app, readConfig(app, env) !== undefined]).toEqual([app.app, true]);
    }
    expect(compose.services['monitor']?.environment).toMatchObject({
      MONITOR_OIDC_CLIENT_SECRET: expect.stringMatching(/^development-only-/),
      MONITOR_SESSION_SECRET: expect.stringMatching(/^development-only-/),
      MONITOR_SUPPORT_SIGNING_KEYS_FILE: `${KEYS}/monitor-signing-keys.json`,
      MONITOR_TRACKER_URL: 'http://tracker:3001',
      MONITOR_DELIVERY_URL: 'http://delivery:3002',
    });
  });

  it("generates the monitor's signing key once and has the apps that check its tokens trust it", () => {
    expect(compose.services['monitor-trust']?.command).toEqual([
      'node',
      'scripts/lib/dev-monitor-trust.mjs',
    ]);
    expect(compose.services['monitor-trust']?.volumes).toEqual([`monitor-trust:${KEYS}`]);
    for (const app of TRUSTING) {
      expect(compose.services[app]?.volumes).toEqual([`monitor-trust:${KEYS}:ro`]);
      if (app !== 'monitor')
        expect(compose.services[app]?.environment).toMatchObject({
          [`${app.toUpperCase()}_ORGANISATIONS_FILE`]: `${KEYS}/organisations.json`,
        });
    }
  });

  it('runs the Kafka version the local scripts pin', () => {
    const pinned = /KAFKA_VERSION="\$\{KAFKA_VERSION:-([\d.]+)\}"/.exec(
      readFileSync(join(__dirname, 'kafka', 'kafka.sh'), 'utf8'),
    )?.[1];
    expect(pinned).toBeDefined();
    expect(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8')).toContain(
      `image: apache/kafka:${pinned}`,
    );
  });
});

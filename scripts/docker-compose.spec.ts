import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { HUB_APPS } from './hub-apps';

// No Docker engine runs on the project's machines, so `docker compose up` cannot be run here.
// This keeps docker-compose.yml true to the apps instead: every app has a service on its port
// with a readiness health check, and every service waits for what it needs.
interface ComposeService {
  environment?: Record<string, string | number>;
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
      });
    }
    expect(compose.services['migrate']?.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
    });
    expect(compose.services['migrate']?.command).toEqual(['node', 'scripts/db-prepare.mjs']);
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

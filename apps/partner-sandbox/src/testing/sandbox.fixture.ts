// FOR TESTS ONLY: the partner sandbox started in-process on a free port, a signer of deliveries
// with the same Standard Webhooks scheme as delivery, and the files the sandbox reads.
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseWebhookSecret, signWebhook, type WebhookSecret } from '@rtw/webhooks';
import { createLogger } from '@rtw/platform';
import { createHubApp, readConfig } from '@rtw/runtime';
import { waitForReady } from '@rtw/testing';
import { partnerSandboxApp } from '../partner-sandbox.app';

/** A sandbox running in the test process. */
export interface RunningSandbox {
  readonly app: INestApplication;
  readonly url: string;
  logs(): string;
  close(): Promise<void>;
}

/** A fresh `whsec_` secret. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Writes `<dir>/<kind>-<code>.secret` files (one secret a line) and returns the folder. */
export function writeSecrets(secrets: Record<string, readonly string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rtw-sandbox-secrets-'));
  mkdirSync(dir, { recursive: true });
  for (const [organisation, lines] of Object.entries(secrets))
    writeFileSync(join(dir, `${organisation.replace(':', '-')}.secret`), lines.join('\n') + '\n');
  return dir;
}

/**
 * The headers delivery sends: Standard Webhooks id, timestamp and signature (one `v1,` per
 * secret, as during a rotation), `Idempotency-Key` and the content type.
 */
export function signedHeaders(args: {
  id: string;
  body: string;
  secrets: readonly string[];
  contentType: string;
  timestamp?: Date;
}): Record<string, string> {
  const secrets = args.secrets.map(parseWebhookSecret) as WebhookSecret[];
  return {
    'content-type': args.contentType,
    'idempotency-key': args.id,
    ...signWebhook({
      id: args.id,
      timestamp: args.timestamp ?? new Date(),
      body: args.body,
      secrets,
    }),
  };
}

/** Starts the sandbox with test defaults (no callbacks, no dev keys) overridden by `env`. */
export async function startSandbox(env: Record<string, string>): Promise<RunningSandbox> {
  const environment = {
    NODE_ENV: 'test',
    PARTNER_SANDBOX_CALLBACKS: 'false',
    PARTNER_SANDBOX_DEV_KEYS_FILE: 'none',
    PARTNER_SANDBOX_PREVENTION_SERVICES_FILE: join(tmpdir(), 'rtw-no-such-file.json'),
    ...env,
  };
  const definition = partnerSandboxApp(environment);
  const config = readConfig(definition, environment);
  if (!config) throw new Error('test configuration refused');
  let logs = '';
  const destination = new Writable({
    write: (chunk, _encoding, done) => ((logs += chunk.toString()), done()),
  });
  const app = await createHubApp(
    definition,
    config,
    createLogger({ app: 'partner-sandbox', level: 'info', destination }),
  );
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  await waitForReady(url, { components: [] });
  return { app, url, logs: () => logs, close: () => app.close() };
}

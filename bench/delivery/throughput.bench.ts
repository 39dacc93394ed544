import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import { linkDossierToPartner, startAppProcess, waitForReady, waitUntil } from '@rtw/testing';
import { signWebhook, type WebhookSecret } from '@rtw/webhooks';
import {
  createDeliveryTestSetup,
  preparedMessage,
  publishPrepared,
} from '../../apps/delivery/src/testing/delivery.fixture';
import type { Scenario } from '../harness/scenario';
import { summarize } from '../harness/stats';

const MESSAGES = Number(process.env.BENCH_DELIVERY_MESSAGES ?? 4000);
const DOSSIERS = Number(process.env.BENCH_DELIVERY_DOSSIERS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_DELIVERY_CONCURRENCY ?? 8);
const POOL = process.env.BENCH_DELIVERY_POOL ?? '10';
const LOG_FILE = process.env.BENCH_DELIVERY_LOG;
const ORGANISATIONS = [
  { id: 'regional:actiris', partner: 'actiris', kind: 'regional', code: 'actiris' },
  { id: 'regional:vdab', partner: 'vdab', kind: 'regional', code: 'vdab' },
  { id: 'regional:forem', partner: 'forem', kind: 'regional', code: 'forem' },
  { id: 'cpmt:0403170701', partner: 'cpmt', kind: 'cpmt', code: '0403170701' },
] as const;

/**
 * Delivery throughput to a local sink that accepts everything: prepared messages produced on the
 * outbound topics, the delivery app as its own process (intake into PostgreSQL, registers and
 * contract checks, signed HTTP, attempt log, receipts through the outbox). Reported: messages/s and
 * per-message latency from produce to the sink's 2xx, next to a raw baseline of the same run that
 * POSTs the same bodies, signed, straight to the sink with the same total concurrency.
 */
export const deliveryThroughput: Scenario = {
  name: 'delivery-throughput',
  description: `${MESSAGES} prepared messages over ${DOSSIERS} dossiers to ${ORGANISATIONS.length} organisations (concurrency ${CONCURRENCY} each); raw signed HTTP baseline`,
  async run() {
    const setup = await createDeliveryTestSetup({
      organisations: ORGANISATIONS.map((o) => ({
        id: o.id,
        partner: o.partner,
        limits: { concurrency: CONCURRENCY },
      })),
      env: {
        DATABASE_POOL_SIZE: POOL,
        LOG_LEVEL: LOG_FILE ? 'debug' : 'warn',
        TEST_CLOCK_CONTROL: 'false',
        DELIVERY_POLL_INTERVAL_MS: '1000',
      },
    });
    const events = [];
    for (let d = 0; d < DOSSIERS; d += 1) {
      const organisation = ORGANISATIONS[d % ORGANISATIONS.length]!;
      const dossierId = randomUUID();
      await linkDossierToPartner(setup.dataSource, {
        dossierId,
        partner: { kind: organisation.kind, code: organisation.code },
      });
      for (let m = 0; m < MESSAGES / DOSSIERS; m += 1)
        events.push(
          preparedMessage({
            organisationId: organisation.id,
            partner: organisation.partner,
            dossierId,
            sequence: m,
          }),
        );
    }
    const app = await startAppProcess({
      name: 'delivery',
      portKey: 'DELIVERY_PORT',
      env: setup.env,
    });
    try {
      await waitForReady(app.url, {
        components: ['delivery-intake', 'delivery-dispatcher'],
        timeoutMs: 120_000,
      });
      const arrivals = new Map<string, number>();
      setup.partner.respond('*', (received) => {
        if (!arrivals.has(received.key)) arrivals.set(received.key, performance.now());
        return { status: 200 };
      });
      const startedAt = performance.now();
      await publishPrepared(setup, events);
      const producedAt = performance.now();
      await waitUntil(() => arrivals.size >= events.length, 'every message at the sink', 600_000);
      const seconds = (Math.max(...arrivals.values()) - startedAt) / 1000;
      const engine = {
        messagesPerSecond: Math.round(events.length / seconds),
        produceSeconds: Math.round((producedAt - startedAt) / 10) / 100,
        // Latency from the end of producing (records are all on the broker) to the sink's receipt:
        // an upper bound per message, since each was produced earlier.
        latencyMs: summarize([...arrivals.values()].map((at) => Math.max(0, at - startedAt))),
      };
      const baseline = await rawSignedPosts(
        `${setup.partner.baseUrl}${setup.pathOf(ORGANISATIONS[0].id)}messages`,
        setup.secretOf(ORGANISATIONS[0].id),
        events.map((e) => e.data.body!),
        CONCURRENCY * ORGANISATIONS.length,
      );
      return {
        messages: events.length,
        dossiers: DOSSIERS,
        organisations: ORGANISATIONS.length,
        concurrencyPerOrganisation: CONCURRENCY,
        delivery: engine,
        rawSignedHttp: baseline,
        deliveryToRawRatio:
          Math.round((engine.messagesPerSecond / baseline.messagesPerSecond) * 1000) / 1000,
      };
    } finally {
      // BENCH_DELIVERY_LOG=<file>: keep the app's debug log (dispatcher round timings) for analysis.
      if (LOG_FILE) writeFileSync(LOG_FILE, app.output());
      await app.stop('SIGTERM');
      await setup.close();
    }
  },
};

/** The same bodies POSTed straight to the sink, signed, with the same total concurrency. */
async function rawSignedPosts(
  url: string,
  secret: WebhookSecret,
  bodies: string[],
  concurrency: number,
) {
  const agent = new Agent({ connections: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const id = randomUUID();
        const sent = performance.now();
        const response = await request(url, {
          method: 'POST',
          dispatcher: agent,
          body,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': id,
            ...signWebhook({ id, timestamp: new Date(), body, secrets: [secret] }),
          },
        });
        await response.body.dump();
        if (response.statusCode !== 200)
          throw new Error(`baseline answered ${response.statusCode}`);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  await agent.close();
  const seconds = (performance.now() - startedAt) / 1000;
  return {
    messagesPerSecond: Math.round(bodies.length / seconds),
    latencyMs: summarize(latencies),
  };
}

import { captureLogger, kafkaBrokers } from '@rtw/testing';
import { createKafka } from './kafka.factory';
import { checkKafka } from './kafka.probe';

describe('checkKafka (readiness) against the real broker', () => {
  const { logger } = captureLogger();

  it('resolves with the cluster id and broker count when the cluster answers', async () => {
    const admin = createKafka({ brokers: kafkaBrokers(), clientId: 'probe-test', logger }).admin();
    await admin.connect();
    try {
      const result = await checkKafka(admin, 5_000);
      expect(result.brokers).toBeGreaterThanOrEqual(1);
      expect(result.clusterId).toMatch(/\S+/);
    } finally {
      await admin.disconnect();
    }
  });

  it('rejects with a retriable KAFKA_UNAVAILABLE within the timeout when nothing answers', async () => {
    // Port 9 (discard) on loopback: nothing listens there on the test machines.
    const admin = createKafka({
      brokers: ['127.0.0.1:9'],
      clientId: 'probe-test-down',
      logger,
      retry: { retries: 0 },
    }).admin();
    const started = Date.now();

    await expect(checkKafka(admin, 1_000)).rejects.toMatchObject({
      code: 'KAFKA_UNAVAILABLE',
      retriable: true,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    await admin.disconnect();
  });
});

// `npm run kafka:topics`: creates the hub's fixed topics on KAFKA_BROKERS (`buildTopology`)
// (the apps do the same at start; this is for operators preparing a cluster ahead of them).
import { buildTopology, createKafka, ensureTopics } from '@rtw/messaging';
import { HUB_CONFIG_SPEC, createLogger, loadConfig } from '@rtw/platform';

async function main(): Promise<void> {
  const config = loadConfig(HUB_CONFIG_SPEC);
  const logger = createLogger({ app: 'create-topics', level: 'warn' });
  const admin = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: 'rtw-create-topics',
    logger,
  }).admin();
  await admin.connect();
  try {
    const topology = buildTopology({ partitions: config.KAFKA_TOPIC_PARTITIONS });
    const report = await ensureTopics(admin, topology, {
      replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    });
    process.stdout.write(
      `topics: ${report.created.length} created, ${report.existing.length} already there, ${report.drift.length} with another partition count\n`,
    );
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `topics: failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

// Makes sure a Kafka broker answers at KAFKA_BROKERS, starting the project's local broker when
// none does, and remembers whether it did so the caller stops only what it started.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokerAddress, isPortOpen } from './kafka-probe.mjs';
import { run } from './run.mjs';

const kafkaScript = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  'kafka',
  'kafka.sh',
);

/** Returns true when this call started the broker; throws when it cannot be started. */
export async function ensureKafka(label) {
  const address = brokerAddress();
  if (await isPortOpen(address)) {
    console.log(
      `${label}: using the Kafka broker already answering at ${address.host}:${address.port}`,
    );
    return false;
  }
  console.log(
    `${label}: no Kafka broker answering at ${address.host}:${address.port}; starting the local one`,
  );
  if (
    (await run('bash', [kafkaScript, 'start'])) !== 0 ||
    (await run('bash', [kafkaScript, 'wait'])) !== 0
  ) {
    throw new Error('the local Kafka broker could not be started (see `npm run kafka -- logs`)');
  }
  return true;
}

/** Stops the local broker. */
export async function stopKafka() {
  await run('bash', [kafkaScript, 'stop']);
}

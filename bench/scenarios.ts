import { contractsValidate } from './contracts/validate.bench';
import { deliveryThroughput } from './delivery/throughput.bench';
import { gatewayIngest } from './gateway/ingest.bench';
import type { Scenario } from './harness/scenario';
import { inamiDataset } from './inami/dataset.bench';
import { kafkaPassthrough } from './kafka/passthrough.bench';
import { outboxRelay } from './outbox/relay.bench';
import { trackerReplay } from './tracker/replay.bench';
import { wholePath } from './whole-path/whole-path.bench';
import { xmlCodec } from './xml/codec.bench';

/** Every benchmark scenario, baseline first. Add new scenarios here. */
export const SCENARIOS: Scenario[] = [
  kafkaPassthrough,
  contractsValidate,
  gatewayIngest,
  outboxRelay,
  xmlCodec,
  trackerReplay,
  deliveryThroughput,
  wholePath,
  inamiDataset,
];

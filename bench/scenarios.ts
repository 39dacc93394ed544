import { contractsValidate } from './contracts/validate.bench';
import { deliveryThroughput } from './delivery/throughput.bench';
import { gatewayIngest } from './gateway/ingest.bench';
import type { Scenario } from './harness/scenario';
import { kafkaPassthrough } from './kafka/passthrough.bench';

/** Every benchmark scenario, baseline first. Add new scenarios here. */
export const SCENARIOS: Scenario[] = [
  kafkaPassthrough,
  contractsValidate,
  gatewayIngest,
  deliveryThroughput,
];

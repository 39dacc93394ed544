import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RetryPolicy } from '@rtw/messaging';
import {
  OrganisationRegistry,
  SubmissionService,
  createIngressHandler,
  createRejectionNotifier,
  ingressTopic,
  ingressTopology,
} from '@rtw/ingress';
import { isRetriable, type Logger } from '@rtw/platform';
import { HUB_CONFIG, HUB_LOGGER, KafkaConnection } from '@rtw/runtime';
import type { GatewayConfig } from '../config/gateway.config';

// A database outage must not dead-letter an insurer's events: retry for minutes, not seconds.
const OUTAGE_RETRY: RetryPolicy = {
  type: 'retry',
  attempts: 20,
  backoff: { initialMs: 500, maxMs: 30_000, multiplier: 2, jitter: 0.2 },
};

/** Component name of the Kafka ingress consumer in readiness and metrics. */
export const KAFKA_INGRESS_COMPONENT = 'kafka-ingress';

/**
 * The Kafka ingress: one raw topic per insurer of the registry, read by a consumer the runtime
 * hosts, judged like an HTTP submission with the topic's insurer as the caller. Refused records
 * go to `<topic>.dlq` and a rejection event to the insurer (ADR 0026).
 */
@Injectable()
export class KafkaIngressService implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    private readonly kafka: KafkaConnection,
    private readonly registry: OrganisationRegistry,
    private readonly submissions: SubmissionService,
  ) {
    this.logger = logger.child({ context: KafkaIngressService.name });
  }

  /**
   * Declares the ingress consumer to the runtime, which supervises it: the per-insurer topics are
   * created and the consumer joins its group once Kafka is ready; a failure (a broker still
   * electing leaders, a coordinator loading) is retried with backoff, and the gateway reports
   * `kafka-ingress` as degraded in readiness until it runs.
   */
  onApplicationBootstrap(): void {
    if (!this.config.GATEWAY_KAFKA_INGRESS) return;
    const pattern = this.config.GATEWAY_INGRESS_TOPIC_PATTERN;
    const insurerCodes = this.registry.ofKind('insurer').map((insurer) => insurer.code);
    const handler = createIngressHandler({
      submissions: this.submissions,
      registry: this.registry,
      topicPattern: pattern,
    });
    this.kafka.consume({
      name: KAFKA_INGRESS_COMPONENT,
      // Not required: HTTP intake works without it (ADR 0027), so a gateway whose ingress cannot
      // run stays in the load balancer, reported `degraded` with the reason and in metrics.
      required: false,
      // The runtime creates the fixed topics; these depend on the registry, known only now.
      prepare: () =>
        this.kafka.ensureTopology(
          ingressTopology({
            pattern,
            insurerCodes,
            partitions: this.config.KAFKA_TOPIC_PARTITIONS,
          }),
        ),
      groupId: this.config.GATEWAY_INGRESS_GROUP_ID,
      topics: insurerCodes.map((code) => ingressTopic(pattern, code)),
      handler,
      onDeadLetter: createRejectionNotifier({
        publisher: this.kafka.publisher,
        topicPattern: pattern,
        logger: this.logger,
      }),
      logger: this.logger,
      retryPolicy: (error) => (isRetriable(error) ? OUTAGE_RETRY : { type: 'dead-letter' }),
      partitionsConsumedConcurrently: 3,
    });
  }
}

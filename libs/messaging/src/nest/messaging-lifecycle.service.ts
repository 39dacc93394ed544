import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { KafkaPublisher } from '../producer/kafka.publisher';
import { ensureTopics } from '../topology/ensure-topics';
import type { Topology } from '../topology/topology.config';
import type { MessagingLogger } from '../logging/messaging-logger.port';
import { KAFKA_CLIENT, MESSAGING_OPTIONS } from './messaging.tokens';

/** The part of the module options the lifecycle needs. */
export interface MessagingLifecycleOptions {
  logger: MessagingLogger;
  /** Topics to create at start when missing; none unless given. */
  topology?: Topology;
  replicationFactor?: number;
}

/** Ensures the topology at start and closes the producer at shutdown. */
@Injectable()
export class MessagingLifecycleService implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KafkaPublisher) private readonly publisher: KafkaPublisher,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingLifecycleOptions,
  ) {}

  /** Creates missing topics before any consumer or producer of the app starts using them. */
  async onModuleInit(): Promise<void> {
    if (!this.options.topology) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const report = await ensureTopics(admin, this.options.topology, {
        replicationFactor: this.options.replicationFactor ?? 1,
      });
      this.options.logger.info(
        { created: report.created, drift: report.drift },
        'Kafka topics ensured',
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** Flushes and closes the producer (consumers are stopped by their owners first). */
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

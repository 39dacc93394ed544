// Nest wiring of the messaging core. The core itself is plain TypeScript; this module only builds
// the Kafka client and the publisher once per app and closes them at shutdown.
import { Module, type DynamicModule } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { createKafka, type KafkaClientConfig } from '../kafka/kafka.factory';
import { KafkaPublisher } from '../producer/kafka.publisher';
import {
  MessagingLifecycleService,
  type MessagingLifecycleOptions,
} from './messaging-lifecycle.service';
import { KAFKA_CLIENT, MESSAGING_OPTIONS, PUBLISHER } from './messaging.tokens';

/** Options of {@link MessagingModule.forRoot}. */
export type MessagingModuleOptions = KafkaClientConfig & MessagingLifecycleOptions;

/** Provides `KAFKA_CLIENT`, `KafkaPublisher` and `PUBLISHER` (the same publisher, as the port). */
@Module({})
export class MessagingModule {
  /** Registers the module once, globally, in an app's root module. */
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA_CLIENT, useFactory: () => createKafka(options) },
        {
          provide: KafkaPublisher,
          inject: [KAFKA_CLIENT],
          useFactory: async (kafka: Kafka) => {
            const publisher = new KafkaPublisher(kafka);
            await publisher.connect();
            return publisher;
          },
        },
        { provide: PUBLISHER, useExisting: KafkaPublisher },
        MessagingLifecycleService,
      ],
      exports: [KAFKA_CLIENT, KafkaPublisher, PUBLISHER],
    };
  }
}

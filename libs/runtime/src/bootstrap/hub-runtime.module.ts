import { Global, Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { buildTopology, type Topology } from '@rtw/messaging';
import { OffsetClock, type Logger } from '@rtw/platform';
import { TestClockController } from '../clock/test-clock.controller';
import type { EntityClass } from '@rtw/persistence';
import { HealthModule } from '../health/health.module';
import { HttpProblemsModule } from '../http/http-problems.module';
import { MetricsController } from '../metrics/metrics.controller';
import { DatabaseConnection } from '../database/database.connection';
import { KafkaConnection } from '../kafka/kafka.connection';
import { OutboxRelayHost } from '../outbox/outbox-relay.host';
import { BackgroundSupervisor } from '../supervision/background.supervisor';
import {
  HUB_CLOCK,
  HUB_CONFIG,
  HUB_ENTITIES,
  HUB_LOGGER,
  HUB_TOPOLOGY,
  type HubConfig,
} from './tokens';

/** What a hub process is made of. */
export interface HubRuntimeOptions {
  config: HubConfig;
  logger: Logger;
  /** The app's own module (controllers, consumers, services). */
  feature: Type<unknown>;
  /** Needs the broker (default true). */
  kafka?: boolean;
  /** Needs the database (default true). */
  database?: boolean;
  topology?: Topology;
  /** TypeORM entities of the app. */
  entities?: readonly EntityClass[];
}

/**
 * The root module of every hub process: config, logger, health, metrics and the supervised Kafka
 * and PostgreSQL connections, shared globally so that the app's feature module injects them.
 */
@Global()
@Module({})
export class HubRuntimeModule {
  static register(options: HubRuntimeOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: HUB_CONFIG, useValue: options.config },
      { provide: HUB_LOGGER, useValue: options.logger },
      { provide: HUB_ENTITIES, useValue: options.entities ?? [] },
      { provide: HUB_CLOCK, useValue: new OffsetClock() },
      {
        provide: HUB_TOPOLOGY,
        useValue:
          options.topology ?? buildTopology({ partitions: options.config.KAFKA_TOPIC_PARTITIONS }),
      },
      BackgroundSupervisor,
    ];
    if (options.kafka !== false) providers.push(KafkaConnection);
    if (options.database !== false) providers.push(DatabaseConnection);
    if (options.kafka !== false && options.database !== false) providers.push(OutboxRelayHost);
    return {
      module: HubRuntimeModule,
      imports: [HealthModule, HttpProblemsModule, options.feature],
      controllers: [
        ...(options.config.METRICS_ENABLED ? [MetricsController] : []),
        ...(options.config.TEST_CLOCK_CONTROL ? [TestClockController] : []),
      ],
      providers,
      exports: providers,
    };
  }
}

import {
  Inject,
  Injectable,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { logLevel, type Admin, type Kafka } from 'kafkajs';
import {
  ConsumerRuntime,
  KafkaPublisher,
  createKafka,
  ensureTopics,
  type ConsumerRuntimeOptions,
  type Topology,
} from '@rtw/messaging';
import type { Logger } from '@rtw/platform';
import { connectWithBackoff } from '../supervision/connect-with-backoff';
import { HUB_CONFIG, HUB_LOGGER, HUB_TOPOLOGY, type HubConfig } from '../bootstrap/tokens';
import { ReadinessRegistry, type ReadinessReport } from '../health/readiness.registry';

const ADMIN_RETRY = { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 };

/** A consumer the runtime starts once Kafka is ready and stops first at shutdown. */
export type HostedConsumerOptions = Omit<
  ConsumerRuntimeOptions,
  'kafka' | 'deadLetter' | 'logger'
> &
  Partial<Pick<ConsumerRuntimeOptions, 'deadLetter' | 'logger'>>;

/**
 * The process's one Kafka client, its idempotent publisher and its consumers. It connects in the
 * background with backoff, creates the declared topics, then connects the publisher; `ready()`
 * resolves after that. Consumers started through `startConsumer` begin once ready and are stopped
 * (in-flight work finished and committed) in `onModuleDestroy`, before the publisher closes in
 * `onApplicationShutdown`. Readiness asks the cluster each time, so it drops when the broker goes.
 */
@Injectable()
export class KafkaConnection implements OnModuleDestroy, OnApplicationShutdown {
  readonly kafka: Kafka;
  readonly publisher: KafkaPublisher;
  private readonly admin: Admin;
  private readonly logger: Logger;
  private readonly stopping = new AbortController();
  private readonly connected: Promise<boolean>;
  private readonly consumers: Array<Promise<ConsumerRuntime | undefined>> = [];

  constructor(
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    @Inject(HUB_TOPOLOGY) topology: Topology,
    readiness: ReadinessRegistry,
  ) {
    this.logger = logger.child({ context: 'kafka' });
    const client = {
      brokers: config.KAFKA_BROKERS,
      clientId: `${config.KAFKA_CLIENT_ID_PREFIX}-${config.app}`,
      logger: this.logger,
      logLevel: logLevel.WARN,
    };
    this.kafka = createKafka(client);
    // The admin gets a client of its own with short retries (kafkajs applies the client's retry to
    // connecting): readiness and start-up report an absent broker within seconds, and the backoff
    // loop below does the patient retrying. Producers and consumers keep the hub's longer retry.
    this.admin = createKafka({ ...client, retry: ADMIN_RETRY }).admin();
    this.publisher = new KafkaPublisher(this.kafka);
    readiness.register({ name: 'kafka', check: () => this.check() });
    this.connected = this.connect(topology);
  }

  /** Resolves true once the topics exist and the publisher is connected; false if stopping first. */
  ready(): Promise<boolean> {
    return this.connected;
  }

  /** Creates the topics of an extra topology (e.g. per-insurer topics known only at run time). */
  async ensureTopology(topology: Topology): Promise<void> {
    const report = await ensureTopics(this.admin, topology, {
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
    });
    if (report.created.length > 0)
      this.logger.info({ created: report.created.length }, 'created missing topics');
  }

  /**
   * Starts a consumer group member once Kafka is ready. Dead letters go through the process's
   * publisher unless the options say otherwise. Resolves with the runtime, or undefined when the
   * process stopped before Kafka was ready.
   */
  startConsumer(options: HostedConsumerOptions): Promise<ConsumerRuntime | undefined> {
    const started = this.connected.then(async (ready) => {
      if (!ready || this.stopping.signal.aborted) return undefined;
      const runtime = new ConsumerRuntime({
        ...options,
        kafka: this.kafka,
        deadLetter: options.deadLetter ?? this.publisher,
        logger: options.logger ?? this.logger.child({ consumerGroup: options.groupId }),
      });
      await runtime.start();
      return runtime;
    });
    this.consumers.push(started.catch(() => undefined));
    return started;
  }

  /** Stops consuming first: each consumer finishes and commits its in-flight records. */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    const runtimes = await Promise.all(this.consumers);
    await Promise.all(runtimes.map((runtime) => runtime?.stop()));
  }

  /** Then closes the producer (pending publishes settle) and the admin connection. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    if (await this.connected) await this.publisher.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }

  private async connect(topology: Topology): Promise<boolean> {
    const done = await connectWithBackoff({
      dependency: 'kafka',
      logger: this.logger,
      signal: this.stopping.signal,
      connect: async () => {
        await this.admin.connect();
        const report = await ensureTopics(this.admin, topology, {
          replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
        });
        if (report.created.length > 0)
          this.logger.info({ created: report.created.length }, 'created missing topics');
        for (const drift of report.drift)
          this.logger.warn({ ...drift }, 'topic partition count differs from the declaration');
        await this.publisher.connect();
        return true;
      },
    });
    return done === true;
  }

  private async check(): Promise<ReadinessReport> {
    try {
      const cluster = await this.admin.describeCluster();
      return cluster.brokers.length > 0
        ? { status: 'up' }
        : { status: 'down', reason: 'no broker in cluster' };
    } catch {
      return { status: 'down', reason: 'broker not reachable' };
    }
  }
}

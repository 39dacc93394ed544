import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { logLevel, type Admin, type Kafka } from 'kafkajs';
import {
  ConsumerRuntime,
  KafkaPublicationCheck,
  KafkaPublisher,
  createKafka,
  ensureTopics,
  type ConsumerRuntimeOptions,
  type Topology,
} from '@rtw/messaging';
import type { Logger } from '@rtw/platform';
import { BackgroundSupervisor } from '../supervision/background.supervisor';
import { connectWithBackoff } from '../supervision/connect-with-backoff';
import { HUB_CONFIG, HUB_LOGGER, HUB_TOPOLOGY, type HubConfig } from '../bootstrap/tokens';
import { ReadinessRegistry, type ReadinessReport } from '../health/readiness.registry';

const ADMIN_RETRY = { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 };

/** A consumer the runtime supervises: started once Kafka is ready, stopped first at shutdown. */
export type HostedConsumerOptions = Omit<
  ConsumerRuntimeOptions,
  'kafka' | 'deadLetter' | 'logger'
> &
  Partial<Pick<ConsumerRuntimeOptions, 'deadLetter' | 'logger'>> & {
    /** Component name in readiness and metrics; `consumer:<groupId>` unless given. */
    name?: string;
    /** Whether the process is not ready while this consumer does not run (default true). */
    required?: boolean;
    /** Work to do before each start attempt, e.g. creating topics known only at run time. */
    prepare?: () => Promise<void>;
  };

/**
 * The process's one Kafka client, its idempotent publisher and its consumers. It connects in the
 * background with backoff, creates the declared topics, then connects the publisher; `ready()`
 * resolves after that. Consumers declared through `consume` are supervised background components:
 * started once Kafka is ready, restarted when they fail, stopped (in-flight work finished and
 * committed) before the publisher closes in `onApplicationShutdown`. Readiness asks the cluster
 * each time, so it drops when the broker goes.
 */
@Injectable()
export class KafkaConnection implements OnApplicationShutdown {
  readonly kafka: Kafka;
  readonly publisher: KafkaPublisher;
  private readonly admin: Admin;
  private readonly logger: Logger;
  private readonly stopping = new AbortController();
  private readonly connected: Promise<boolean>;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    @Inject(HUB_TOPOLOGY) topology: Topology,
    readiness: ReadinessRegistry,
    private readonly supervisor: BackgroundSupervisor,
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
    supervisor.provideDependency('kafka', () => this.connected);
  }

  /**
   * Tells the outbox relay which records of an interrupted publication are already on their topic
   * (ADR 0033), reading the topics' tails with throwaway groups named after this app.
   */
  publicationCheck(header: string): KafkaPublicationCheck {
    return new KafkaPublicationCheck(this.kafka, {
      header,
      groupPrefix: `${this.config.KAFKA_CLIENT_ID_PREFIX}-${this.config.app}-outbox-check`,
    });
  }

  /** Resolves true once the topics exist and the publisher is connected; false if stopping first. */
  ready(): Promise<boolean> {
    return this.connected;
  }

  /**
   * Whether the publisher can reach the cluster now, answered within seconds (the admin's short
   * retry): connected once, and the cluster describes itself. The outbox relay asks before it
   * claims rows, so an instance cut off from Kafka holds no outbox bucket.
   */
  async reachable(): Promise<boolean> {
    if (!this.publisher.isConnected()) return false;
    return (await this.check()).status === 'up';
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
   * Declares a consumer group member. The runtime starts it once Kafka is ready (topics created),
   * counts it as running once it has joined its group, retries a failed start with backoff,
   * replaces it when kafkajs gives up on it, and stops it gracefully at shutdown. Dead letters go
   * through the process's publisher unless the options say otherwise.
   */
  consume(options: HostedConsumerOptions): void {
    const { name, required, prepare, ...runtimeOptions } = options;
    this.supervisor.supervise({
      name: name ?? `consumer:${options.groupId}`,
      required,
      needs: ['kafka'],
      start: async (signal) => {
        await prepare?.();
        const runtime = new ConsumerRuntime({
          ...runtimeOptions,
          kafka: this.kafka,
          deadLetter: options.deadLetter ?? this.publisher,
          logger: options.logger ?? this.logger.child({ consumerGroup: options.groupId }),
        });
        try {
          await runtime.start(signal);
        } catch (error) {
          await runtime.stop().catch(() => undefined);
          throw error;
        }
        return { stop: () => runtime.stop(), ended: runtime.ended };
      },
    });
  }

  /**
   * After the supervisor stopped the consumers: closes the producer (pending publishes settle) and
   * the admin connection.
   */
  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    if (await this.connected) await this.publisher.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }

  private async connect(topology: Topology): Promise<boolean> {
    const done = await connectWithBackoff({
      dependency: 'kafka',
      logger: this.logger,
      maxDelayMs: this.config.BACKGROUND_RETRY_MAX_MS,
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

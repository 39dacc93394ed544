import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { ensureTopics, type Topology } from '@rtw/messaging';
import type { Logger } from '@rtw/platform';
import { ReadinessRegistry, type ReadinessReport } from '../health/readiness.registry';
import { connectWithBackoff } from '../supervision/connect-with-backoff';
import { HUB_CONFIG, HUB_LOGGER, HUB_TOPOLOGY, type HubConfig } from '../bootstrap/tokens';

/**
 * The process's Kafka client. It connects in the background with backoff, creates the declared
 * topics, and reports readiness; consumers and producers of the app wait on `ready()` before they
 * start. Readiness asks the cluster each time, so it drops when the broker goes away.
 */
@Injectable()
export class KafkaConnection implements OnApplicationShutdown {
  readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly stopping = new AbortController();
  private readonly connected: Promise<boolean>;

  constructor(
    @Inject(HUB_CONFIG) config: HubConfig,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
    @Inject(HUB_TOPOLOGY) topology: Topology,
    readiness: ReadinessRegistry,
  ) {
    this.kafka = new Kafka({
      clientId: `${config.KAFKA_CLIENT_ID_PREFIX}-${config.app}`,
      brokers: [...config.KAFKA_BROKERS],
      logLevel: logLevel.NOTHING,
      retry: { retries: 5, initialRetryTime: 300 },
    });
    this.admin = this.kafka.admin();
    readiness.register({ name: 'kafka', check: () => this.check() });
    this.connected = this.connect(topology, config.KAFKA_REPLICATION_FACTOR);
  }

  /** Resolves true once the broker answered and the topics exist; false if the process stops first. */
  ready(): Promise<boolean> {
    return this.connected;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.admin.disconnect().catch(() => undefined);
  }

  private async connect(topology: Topology, replicationFactor: number): Promise<boolean> {
    const done = await connectWithBackoff({
      dependency: 'kafka',
      logger: this.logger,
      signal: this.stopping.signal,
      connect: async () => {
        await this.admin.connect();
        const report = await ensureTopics(this.admin, topology, { replicationFactor });
        if (report.created.length > 0)
          this.logger.info({ created: report.created.length }, 'created missing topics');
        for (const drift of report.drift)
          this.logger.warn({ ...drift }, 'topic partition count differs from the declaration');
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

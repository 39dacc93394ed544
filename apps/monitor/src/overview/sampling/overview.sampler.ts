import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { createKafka } from '@rtw/messaging';
import type { Clock, Logger } from '@rtw/platform';
import {
  BackgroundSupervisor,
  DatabaseConnection,
  HUB_CLOCK,
  HUB_CONFIG,
  HUB_LOGGER,
  ReadinessRegistry,
  periodicJob,
  type HubConfig,
  type ReadinessReport,
} from '@rtw/runtime';
import { DatabaseFiguresReader } from '../deadlines/database-figures.reader';
import { KafkaOffsetsReader } from '../kafka/kafka-offsets.reader';
import { AppMetricsReader } from '../metrics/app-metrics.reader';
import type { OverviewConfig } from '../overview.config';
import { exportSample } from './monitor.metrics';
import type { Sample } from './sample.types';

/** Component name of the sampling job in readiness and metrics. */
export const SAMPLING_JOB = 'job:monitor-sampling';
// Short kafkajs retries: an absent broker must show as "unavailable" within the source timeout.
const ADMIN_RETRY = { retries: 1, initialRetryTime: 100, maxRetryTime: 500 };

/**
 * Samples the three sources (broker offsets, the apps' metrics and readiness, the database's
 * deadlines and pauses) every MONITOR_SAMPLE_INTERVAL_MS as a supervised periodic job (ADR 0027),
 * each source on its own with a timeout, so one that is down leaves the others shown. Keeps the
 * last MONITOR_HISTORY_POINTS samples in memory: the overview's rates and windows are differences
 * between them (ADR 0095). Each instance samples on its own; they agree because the sources do.
 */
@Injectable()
export class OverviewSampler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly samples: Sample[] = [];
  private readonly logger: Logger;
  private readonly kafka: KafkaOffsetsReader;
  private readonly apps: AppMetricsReader;
  private readonly database: DatabaseFiguresReader;
  private readonly settings: OverviewConfig;
  private lastUnavailable = '';

  constructor(
    @Inject(HUB_CONFIG) config: HubConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    private readonly supervisor: BackgroundSupervisor,
    private readonly readiness: ReadinessRegistry,
    database: DatabaseConnection,
  ) {
    this.settings = config as HubConfig & OverviewConfig;
    this.logger = logger.child({ context: OverviewSampler.name });
    const kafka = createKafka({
      brokers: config.KAFKA_BROKERS,
      clientId: `${config.KAFKA_CLIENT_ID_PREFIX}-${config.app}-sampler`,
      logger: this.logger,
      logLevel: logLevel.NOTHING,
      retry: ADMIN_RETRY,
    });
    this.kafka = new KafkaOffsetsReader(kafka, this.settings.MONITOR_TOPIC_PREFIX);
    this.apps = new AppMetricsReader(
      this.settings.MONITOR_SCRAPE_TARGETS,
      this.settings.MONITOR_SOURCE_TIMEOUT_MS,
    );
    this.database = new DatabaseFiguresReader(
      database.dataSource,
      this.settings.MONITOR_DEADLINE_LEAD_DAYS,
    );
  }

  onApplicationBootstrap(): void {
    this.readiness.register({ name: 'monitor-sources', check: async () => this.report() });
    this.supervisor.supervise(
      periodicJob({
        name: SAMPLING_JOB,
        everyMs: this.settings.MONITOR_SAMPLE_INTERVAL_MS,
        logger: this.logger,
        run: async () => void (await this.sample()),
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.kafka.close();
  }

  /** The samples in memory, oldest first. */
  history(): readonly Sample[] {
    return this.samples;
  }

  /** Takes one sample of every source now, keeps it, and exports its figures. */
  async sample(): Promise<Sample> {
    const at = this.clock.now();
    const [kafka, apps, database] = await Promise.all([
      this.bounded(this.kafka.read(), () => this.kafka.close()),
      this.apps.read(),
      this.bounded(this.database.read(at), () => Promise.resolve()),
    ]);
    const sample: Sample = { at: at.getTime(), kafka, apps, database };
    this.samples.push(sample);
    this.samples.splice(0, Math.max(0, this.samples.length - this.settings.MONITOR_HISTORY_POINTS));
    exportSample(sample);
    this.noteAvailability(sample);
    return sample;
  }

  /** A source's read, or null when it failed or took longer than the source timeout. */
  private async bounded<T>(read: Promise<T>, onTimeout: () => Promise<void>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => {
        void onTimeout();
        resolve(null);
      }, this.settings.MONITOR_SOURCE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([read.catch(() => null), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private unavailable(sample: Sample): string[] {
    return [
      ...(sample.kafka ? [] : ['kafka']),
      ...(sample.database ? [] : ['database']),
      ...sample.apps.filter((app) => app.metrics === null).map((app) => `metrics of ${app.name}`),
    ];
  }

  /** One log line when the set of unreadable sources changes, not one per sample. */
  private noteAvailability(sample: Sample): void {
    const unavailable = this.unavailable(sample).join(', ');
    if (unavailable === this.lastUnavailable) return;
    this.lastUnavailable = unavailable;
    if (unavailable) this.logger.warn({ unavailable }, `monitor cannot read: ${unavailable}`);
    else this.logger.info('monitor reads every source again');
  }

  /** Degraded (never down) while a source cannot be read: the monitor still shows the rest. */
  private report(): ReadinessReport {
    const latest = this.samples.at(-1);
    if (!latest) return { status: 'degraded', reason: 'no sample yet' };
    const unavailable = this.unavailable(latest);
    return unavailable.length === 0
      ? { status: 'up' }
      : { status: 'degraded', reason: `cannot read ${unavailable.join(', ')}` };
  }
}

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { checkDatabase, createDataSource, type EntityClass } from '@rtw/persistence';
import type { Logger } from '@rtw/platform';
import { ReadinessRegistry, type ReadinessReport } from '../health/readiness.registry';
import { BackgroundSupervisor } from '../supervision/background.supervisor';
import { connectWithBackoff } from '../supervision/connect-with-backoff';
import { HUB_CONFIG, HUB_ENTITIES, HUB_LOGGER, type HubConfig } from '../bootstrap/tokens';

/**
 * The process's PostgreSQL pool. Initialised in the background with backoff (never by blocking the
 * Nest bootstrap, so health endpoints answer while the database is down). Migrations are not run
 * here: they are an explicit step (`npm run db:prepare`).
 */
@Injectable()
export class DatabaseConnection implements OnApplicationShutdown {
  readonly dataSource: DataSource;
  private readonly stopping = new AbortController();
  private readonly initialised: Promise<boolean>;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
    @Inject(HUB_ENTITIES) entities: readonly EntityClass[],
    readiness: ReadinessRegistry,
    supervisor: BackgroundSupervisor,
  ) {
    this.dataSource = createDataSource({
      entities,
      url: this.config.DATABASE_URL,
      poolSize: this.config.DATABASE_POOL_SIZE,
      applicationName: `rtw-${this.config.app}`,
    });
    readiness.register({ name: 'database', check: () => this.check() });
    this.initialised = this.initialise();
    supervisor.provideDependency('database', () => this.initialised);
  }

  /** Resolves true once the pool is up; false if the process stops first. */
  ready(): Promise<boolean> {
    return this.initialised;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.initialised;
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async initialise(): Promise<boolean> {
    const done = await connectWithBackoff({
      dependency: 'database',
      logger: this.logger,
      maxDelayMs: this.config.BACKGROUND_RETRY_MAX_MS,
      signal: this.stopping.signal,
      connect: async () => {
        if (!this.dataSource.isInitialized) await this.dataSource.initialize();
        return true;
      },
    });
    return done === true;
  }

  private async check(): Promise<ReadinessReport> {
    const health = await checkDatabase(this.dataSource);
    return health.status === 'up' ? { status: 'up' } : { status: 'down', reason: health.code };
  }
}

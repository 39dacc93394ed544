import {
  Module,
  type DynamicModule,
  type FactoryProvider,
  type ModuleMetadata,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createDataSourceOptions, type DataSourceConfig } from '../data-source/data-source.options';
import { OutboxWriter } from '../outbox/outbox.writer';

/** Async form of the configuration, for apps that read it from their validated config object. */
export interface PersistenceModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: FactoryProvider['inject'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest factories take whatever `inject` lists
  useFactory: (...args: any[]) => DataSourceConfig | Promise<DataSourceConfig>;
}

/**
 * Nest wiring of the persistence lib: the app's TypeORM `DataSource` (injectable as `DataSource`)
 * built by `createDataSourceOptions`, plus an `OutboxWriter`. Migrations are not run at boot:
 * `npm run db:prepare` / `migration:run` do that, once, before the apps start.
 */
@Module({})
export class PersistenceModule {
  /** Registers the data source from a static configuration. */
  static forRoot(config: DataSourceConfig): DynamicModule {
    return PersistenceModule.forRootAsync({ useFactory: () => config });
  }

  /** Registers the data source from a configuration built by an injected factory. */
  static forRootAsync(options: PersistenceModuleAsyncOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: async (...args: unknown[]) =>
            createDataSourceOptions(await options.useFactory(...args)),
        }),
      ],
      providers: [{ provide: OutboxWriter, useValue: new OutboxWriter() }],
      exports: [TypeOrmModule, OutboxWriter],
    };
  }
}

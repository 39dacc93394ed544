import type { Provider } from '@nestjs/common';
import type { Clock } from '@rtw/platform';
import { DatabaseConnection, HUB_CLOCK } from '@rtw/runtime';
import { DatasetBuilder } from '../dataset/dataset.builder';
import { DatasetVersionsRepository } from './dataset-versions.repository';
import { DatasetVersionsService } from './dataset-versions.service';

/** The versions' framework-free parts (ADR 0081), composed once per process. */
export const VERSIONS_PROVIDERS: Provider[] = [
  {
    provide: DatasetVersionsRepository,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new DatasetVersionsRepository(db.dataSource),
  },
  {
    provide: DatasetVersionsService,
    inject: [DatabaseConnection, DatasetBuilder, DatasetVersionsRepository, HUB_CLOCK],
    useFactory: (
      db: DatabaseConnection,
      builder: DatasetBuilder,
      versions: DatasetVersionsRepository,
      clock: Clock,
    ) => new DatasetVersionsService({ dataSource: db.dataSource, builder, versions, clock }),
  },
];

import type { Provider } from '@nestjs/common';
import { ContractRegistry } from '@rtw/contracts';
import { OutboxWriter } from '@rtw/persistence';
import type { Clock } from '@rtw/platform';
import { DatabaseConnection, HUB_CLOCK } from '@rtw/runtime';
import { DatasetVersionsRepository } from '../versions/dataset-versions.repository';
import { DatasetSubmissionService } from './dataset-submission.service';
import { DeliveryAnswerReader } from './delivery-answer.reader';
import { ReceiptsConsumer } from './receipts.consumer';

/** The submission's parts (ADR 0082), composed once per process. */
export const SUBMISSION_PROVIDERS: Provider[] = [
  { provide: ContractRegistry, useFactory: () => ContractRegistry.load() },
  {
    provide: DatasetSubmissionService,
    inject: [DatabaseConnection, DatasetVersionsRepository, ContractRegistry, HUB_CLOCK],
    useFactory: (
      db: DatabaseConnection,
      versions: DatasetVersionsRepository,
      contracts: ContractRegistry,
      clock: Clock,
    ) =>
      new DatasetSubmissionService({
        dataSource: db.dataSource,
        versions,
        contracts,
        outbox: new OutboxWriter(),
        clock,
      }),
  },
  {
    provide: DeliveryAnswerReader,
    inject: [DatabaseConnection],
    useFactory: (db: DatabaseConnection) => new DeliveryAnswerReader(db.dataSource),
  },
  ReceiptsConsumer,
];

import type { Provider } from '@nestjs/common';
import type { Clock } from '@rtw/platform';
import { DatabaseConnection, HUB_CLOCK, HUB_CONFIG } from '@rtw/runtime';
import type { InamiEvaluationConfig } from '../config/inami-evaluation.config';
import { DatasetBuilder } from './dataset.builder';
import { EvaluationDatasetContract } from './evaluation-dataset.contract';

/**
 * The dataset's framework-free parts, built once per process. The contract is compiled at boot,
 * so a missing or broken schema stops the app before it says ready rather than at the first build.
 */
export const DATASET_PROVIDERS: Provider[] = [
  { provide: EvaluationDatasetContract, useFactory: () => EvaluationDatasetContract.load() },
  {
    provide: DatasetBuilder,
    inject: [DatabaseConnection, EvaluationDatasetContract, HUB_CONFIG, HUB_CLOCK],
    useFactory: (
      db: DatabaseConnection,
      contract: EvaluationDatasetContract,
      config: InamiEvaluationConfig,
      clock: Clock,
    ) =>
      new DatasetBuilder({
        dataSource: db.dataSource,
        contract,
        pseudonymSecret: config.INAMI_PSEUDONYM_SECRET,
        pageSize: config.INAMI_DATASET_PAGE_SIZE,
        clock,
      }),
  },
];

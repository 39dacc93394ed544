// Test helpers of the lifecycle: trajectories appended to the event store the way the tracker
// does (ADR 0029), and the versions' services composed on a test database.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ContractRegistry } from '@rtw/contracts';
import { OutboxWriter } from '@rtw/persistence';
import type { Clock } from '@rtw/platform';
import type { ScriptedTrajectory } from '@rtw/testing';
import { DatasetBuilder } from '../dataset/dataset.builder';
import type { EvaluationDatasetContract } from '../dataset/evaluation-dataset.contract';
import { DatasetSubmissionService } from '../submission/dataset-submission.service';
import { DatasetVersionsRepository } from '../versions/dataset-versions.repository';
import { DatasetVersionsService } from '../versions/dataset-versions.service';

/** The pseudonym secret of tests (a development value). */
export const TEST_PSEUDONYM_SECRET = 'development-only-inami-pseudonym-secret-for-tests';

/** Appends a trajectory's events (all, or the first `count`) to the event store. */
export async function storeTrajectory(
  dataSource: DataSource,
  trajectory: ScriptedTrajectory,
  options: { from?: number; count?: number } = {},
): Promise<void> {
  const from = options.from ?? 0;
  const events = trajectory.events.slice(from, from + (options.count ?? trajectory.events.length));
  for (const [index, event] of events.entries()) {
    await dataSource.query(
      `INSERT INTO "dossier_events" ("dossier_id", "version", "event_source", "event_id", "type",
         "dataschema", "insurer", "occurred_at", "recorded_at", "correlation_id", "data")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp(), $9, $10)`,
      [
        trajectory.dossierId,
        from + index + 1,
        event['source'],
        randomUUID(),
        event['type'],
        event['dataschema'] ?? null,
        trajectory.insurer,
        event['time'],
        event['correlationid'] ?? null,
        event['data'],
      ],
    );
  }
}

/** The versions service of a test, on its own database and clock. */
export function testVersionsService(args: {
  dataSource: DataSource;
  contract: EvaluationDatasetContract;
  clock: Clock;
}): {
  service: DatasetVersionsService;
  versions: DatasetVersionsRepository;
  submissions: DatasetSubmissionService;
} {
  const builder = new DatasetBuilder({
    dataSource: args.dataSource,
    contract: args.contract,
    pseudonymSecret: TEST_PSEUDONYM_SECRET,
    pageSize: 3,
    clock: args.clock,
  });
  const versions = new DatasetVersionsRepository(args.dataSource);
  const service = new DatasetVersionsService({
    dataSource: args.dataSource,
    builder,
    versions,
    clock: args.clock,
  });
  const submissions = new DatasetSubmissionService({
    dataSource: args.dataSource,
    versions,
    contracts: ContractRegistry.load(),
    outbox: new OutboxWriter({ notifyRelays: false }),
    clock: args.clock,
  });
  return { service, versions, submissions };
}

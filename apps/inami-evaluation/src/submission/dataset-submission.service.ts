import type { DataSource } from 'typeorm';
import type { ContractRegistry } from '@rtw/contracts';
import type { OutboxWriter } from '@rtw/persistence';
import type { Clock } from '@rtw/platform';
import { checkDatasetKey } from '../versions/dataset-key.check';
import type {
  Actor,
  DatasetKey,
  DatasetVersion,
  VersionAnswer,
} from '../versions/dataset-version.types';
import type { DatasetVersionsRepository } from '../versions/dataset-versions.repository';
import { VersionError } from '../versions/version.error';
import {
  checkSubmittable,
  submissionMessageId,
  submissionOutboxMessage,
} from './submission.message';

/**
 * Submits a frozen version to INAMI through delivery (ADR 0082): the status moves from `frozen`
 * to `submitted` and the prepared message enters the outbox in one transaction, so a version is
 * handed to delivery once and only if its status says so. Delivery's receipt, then INAMI's
 * answer, move it on.
 */
export class DatasetSubmissionService {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      versions: DatasetVersionsRepository;
      contracts: ContractRegistry;
      outbox: OutboxWriter;
      clock: Clock;
    },
  ) {}

  /** Submits `version`, or the newest frozen version when none is named. */
  async submit(key: DatasetKey & { version?: number; actor: Actor }): Promise<DatasetVersion> {
    checkDatasetKey(key, { clock: this.deps.clock, closed: false });
    const all = await this.deps.versions.list(key);
    const newest = all.at(-1);
    if (!newest) {
      throw new VersionError(
        'VERSION_NOT_FROZEN',
        `insurer ${key.insurer} has no frozen version for ${key.year}: a build is a dry run, freeze first`,
      );
    }
    const version = key.version === undefined ? newest : all.find((v) => v.version === key.version);
    if (!version) {
      throw new VersionError(
        'VERSION_NOT_FOUND',
        `insurer ${key.insurer} has no frozen version ${key.version} for ${key.year}`,
      );
    }
    checkSubmittable(version, newest.version);
    const now = this.deps.clock.now();
    const messageId = submissionMessageId(version);
    await this.deps.dataSource.transaction(async (manager) => {
      const moved = await this.deps.versions.moveStatus(manager.queryRunner!, {
        id: version.id,
        from: ['frozen'],
        to: 'submitted',
        set: {
          messageId,
          submittedAt: now,
          submittedBy: `${key.actor.organisation}/${key.actor.subject}`,
        },
      });
      if (!moved) {
        throw new VersionError(
          'VERSION_ALREADY_SUBMITTED',
          `version ${version.version} was submitted meanwhile`,
        );
      }
      await this.deps.outbox.add(manager, [
        submissionOutboxMessage(this.deps.contracts, { version, now }),
      ]);
    });
    return (await this.deps.versions.find({ ...key, version: version.version }))!;
  }

  /**
   * Records what became of a submission (delivery's receipt or INAMI's answer) and when (`at`:
   * the answer's time, the clock's now by default). Only a version still waiting moves; a
   * repeated or late receipt changes nothing. True when it moved.
   */
  async record(
    messageId: string,
    answer: VersionAnswer | { outcome: 'delivery-failed'; reasonCode: string },
    at: Date = this.deps.clock.now(),
  ): Promise<boolean> {
    const version = await this.deps.versions.findByMessage(messageId);
    if (!version) return false;
    const runner = this.deps.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (answer.outcome === 'delivery-failed') {
        return await this.deps.versions.moveStatus(runner, {
          id: version.id,
          from: ['submitted', 'delivered'],
          to: 'delivery-failed',
          set: {
            answeredAt: at,
            answer: { outcome: 'refused', reasons: [{ code: answer.reasonCode }] },
          },
        });
      }
      return await this.deps.versions.moveStatus(runner, {
        id: version.id,
        from: ['submitted', 'delivered', 'delivery-failed'],
        to: answer.outcome,
        set: { answeredAt: at, answer },
      });
    } finally {
      await runner.release();
    }
  }
}

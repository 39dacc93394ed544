import { INSURERS } from '@rtw/domain';
import type { ContractRegistry } from '@rtw/contracts';
import type { OutboxWriter } from '@rtw/persistence';
import { errorCode, type Clock, type Logger } from '@rtw/platform';
import type { DataSource } from 'typeorm';
import type { DatasetKey } from '../versions/dataset-version.types';
import type { DatasetVersionsRepository } from '../versions/dataset-versions.repository';
import type { DatasetVersionsService } from '../versions/dataset-versions.service';
import { ScheduleError } from './schedule.error';
import { dueState, reminderOutboxMessage, type DraftSummary } from './dataset-reminder.message';
import type { DatasetScheduleRepository } from './dataset-schedule.repository';
import { scheduleMoment, type ScheduleSettings } from './schedule.calendar';

/** Namespace of the schedule's lock among the hub's advisory locks (the freeze uses 81). */
const SCHEDULE_LOCK_NAMESPACE = 84;
const SCHEDULE_LOCK = 'inami-schedule';

/** What one check did (for the job's log line and the tests). */
export interface ScheduleCheck {
  readonly skipped?: 'not-due' | 'locked';
  readonly year?: number;
  readonly period?: number;
  readonly drafts: string[];
  readonly reminded: string[];
}

/**
 * The yearly schedule of the INAMI datasets (ADR 0108). Each check, from the start day of January
 * on: for every insurer that sends trajectory data, builds the previous year's draft once (a dry
 * run whose counts and hashes are kept for review and for the reminders), then reminds the insurer
 * once per period (`be.rtw.inami-dataset.due` on its notification topic) until INAMI acknowledges
 * a version of that year. Safe with several instances: one check at a time holds a session
 * advisory lock (the others skip), and each reminder is claimed by a compare-and-set in the
 * transaction that writes its outbox row. Time comes from the injected clock.
 */
export class DatasetScheduleService {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      schedule: DatasetScheduleRepository;
      versions: DatasetVersionsRepository;
      builds: Pick<DatasetVersionsService, 'build'>;
      contracts: ContractRegistry;
      outbox: OutboxWriter;
      clock: Clock;
      settings: ScheduleSettings;
      logger: Logger;
      /** Insurers looked after (default: every insurer that sends trajectory data). */
      insurers?: readonly string[];
    },
  ) {}

  /** One check. Fails (ScheduleError, after every insurer was tried) when one insurer failed. */
  async check(): Promise<ScheduleCheck> {
    const moment = scheduleMoment(this.deps.clock.now(), this.deps.settings);
    if (!moment || moment.period === 0) return { skipped: 'not-due', drafts: [], reminded: [] };
    const runner = this.deps.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS "locked"',
        [SCHEDULE_LOCK_NAMESPACE, SCHEDULE_LOCK],
      )) as Array<{ locked: boolean }>;
      if (!row?.locked) return { skipped: 'locked', drafts: [], reminded: [] };
      try {
        return await this.checkLocked(moment);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [
          SCHEDULE_LOCK_NAMESPACE,
          SCHEDULE_LOCK,
        ]);
      }
    } finally {
      await runner.release();
    }
  }

  private async checkLocked(moment: { today: string; year: number; period: number }) {
    const drafts: string[] = [];
    const reminded: string[] = [];
    const failed: Array<{ insurer: string; step: string; code: string }> = [];
    for (const insurer of this.insurers()) {
      const key = { insurer, year: moment.year };
      // A failed draft does not hold the reminder back: the insurer is told either way.
      for (const [step, done] of [
        ['draft', drafts],
        ['reminder', reminded],
      ] as const) {
        try {
          const did = step === 'draft' ? await this.draft(key) : await this.remind(key, moment);
          if (did) done.push(insurer);
        } catch (error) {
          failed.push({ insurer, step, code: errorCode(error) });
          this.deps.logger.warn(
            { insurer, year: moment.year, step, code: errorCode(error) },
            `The INAMI schedule's ${step} failed for an insurer; trying again at the next check`,
          );
        }
      }
    }
    if (drafts.length + reminded.length > 0)
      this.deps.logger.info(
        { year: moment.year, period: moment.period, drafts, reminded },
        'INAMI schedule: drafts built and reminders sent',
      );
    if (failed.length > 0) {
      throw new ScheduleError(
        'SCHEDULE_INSURER_FAILED',
        `the schedule failed for ${failed.length} insurer(s) of ${moment.year}`,
        { failed },
      );
    }
    return { year: moment.year, period: moment.period, drafts, reminded };
  }

  /** Builds the year's draft once per insurer and year; true when this check built it. */
  private async draft(key: DatasetKey): Promise<boolean> {
    const row = await this.deps.schedule.ensure(key, this.deps.clock.now());
    if (row.draft) return false;
    const built = await this.deps.builds.build(key);
    const draft: DraftSummary = {
      builtAt: this.deps.clock.now().toISOString(),
      trajectoriesCounted: built.trajectoriesCounted,
      findings: built.findings,
      dossiersRead: built.dossiersRead,
      files: { xml: { sha256: built.files.xml.sha256 }, json: { sha256: built.files.json.sha256 } },
    };
    return this.deps.schedule.recordDraft(key, draft);
  }

  /** Sends the period's reminder unless it was sent or nothing is due; true when sent. */
  private async remind(
    key: DatasetKey,
    moment: { today: string; period: number },
  ): Promise<boolean> {
    const row = await this.deps.schedule.find(key);
    if (!row || row.reminders >= moment.period) return false;
    const versions = await this.deps.versions.list(key);
    const state = dueState(versions);
    if (state === 'done' || state === 'waiting') return false;
    const now = this.deps.clock.now();
    const newest = versions.at(-1);
    const message = reminderOutboxMessage(this.deps.contracts, {
      key,
      reminder: moment.period,
      today: moment.today,
      now,
      state,
      ...(newest ? { newest } : {}),
      ...(row.draft ? { draft: row.draft } : {}),
    });
    return this.deps.dataSource.transaction(async (manager) => {
      const claimed = await this.deps.schedule.claimReminder(manager, key, {
        reminder: moment.period,
        now,
      });
      if (claimed) await this.deps.outbox.add(manager, [message]);
      return claimed;
    });
  }

  private insurers(): readonly string[] {
    return (
      this.deps.insurers ??
      INSURERS.filter((insurer) => insurer.sendsTrajectoryData).map((insurer) => insurer.code)
    );
  }
}

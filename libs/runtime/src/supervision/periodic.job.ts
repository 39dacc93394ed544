import { errorCode, sleep, type Logger } from '@rtw/platform';
import { Counter, Gauge, register } from 'prom-client';
import type { BackgroundComponent, RuntimeDependency } from './background-component.types';

/** Work the runtime repeats on a fixed interval (purges, deadline scans, yearly builds). */
export interface PeriodicJobOptions {
  /** Component name, e.g. `job:token-purge`. */
  name: string;
  /** Pause between the end of one run and the start of the next. */
  everyMs: number;
  /** One run. Must be safe with several instances of the app (take a database lock if needed). */
  run(signal: AbortSignal): Promise<void>;
  needs?: readonly RuntimeDependency[];
  /** Wait before the first run (default: run at once). */
  initialDelayMs?: number;
  /** Whether the process is not ready while the job cannot start (default false). */
  required?: boolean;
  logger: Logger;
}

const RUNS = 'rtw_job_runs_total';
const LAST_SUCCESS = 'rtw_job_last_success_timestamp_seconds';

const runs =
  (register.getSingleMetric(RUNS) as Counter<'job' | 'result'> | undefined) ??
  new Counter({
    name: RUNS,
    help: 'Runs of periodic jobs, by result',
    labelNames: ['job', 'result'] as const,
  });
const lastSuccess =
  (register.getSingleMetric(LAST_SUCCESS) as Gauge<'job'> | undefined) ??
  new Gauge({
    name: LAST_SUCCESS,
    help: 'Unix time of the last successful run of a periodic job (alert when it gets old)',
    labelNames: ['job'] as const,
  });

/**
 * A periodic job as a supervised component. A failed run is logged with its code, counted, and
 * tried again at the next interval (the job keeps running: one bad run is not a crash); the age of
 * `rtw_job_last_success_timestamp_seconds` tells monitoring when a job keeps failing. Stopping
 * waits for the run in progress.
 */
export function periodicJob(options: PeriodicJobOptions): BackgroundComponent {
  return {
    name: options.name,
    required: options.required ?? false,
    needs: options.needs,
    start: async () => {
      const stopping = new AbortController();
      const loop = runLoop(options, stopping.signal);
      return {
        stop: async () => {
          stopping.abort();
          await loop;
        },
      };
    },
  };
}

async function runLoop(options: PeriodicJobOptions, signal: AbortSignal): Promise<void> {
  if (options.initialDelayMs) await sleep(options.initialDelayMs, signal);
  while (!signal.aborted) {
    try {
      await options.run(signal);
      runs.inc({ job: options.name, result: 'success' });
      lastSuccess.set({ job: options.name }, Date.now() / 1000);
    } catch (error) {
      runs.inc({ job: options.name, result: 'failure' });
      options.logger.warn(
        { job: options.name, code: errorCode(error), err: error },
        `${options.name} failed; trying again at the next interval`,
      );
    }
    await sleep(options.everyMs, signal);
  }
}

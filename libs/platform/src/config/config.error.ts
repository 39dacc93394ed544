import { HubError } from '../errors/hub-error';

/** The codes of the platform lib's errors (part of the API: logs, exit messages). */
export const PLATFORM_ERROR_CODES = ['CONFIG_INVALID'] as const;

/** One of {@link PLATFORM_ERROR_CODES}. */
export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];

/** One configuration key that failed validation, with the reason in plain words (never its value). */
export interface ConfigProblem {
  key: string;
  reason: string;
}

/** Raised at boot when the environment does not describe a runnable process; lists every bad key. */
export class ConfigError extends HubError<PlatformErrorCode> {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super({
      code: 'CONFIG_INVALID',
      message: `Invalid configuration: ${problems.map((p) => `${p.key} (${p.reason})`).join('; ')}`,
      // The same environment fails the same way: fix the configuration, then restart.
      retriable: false,
      details: { keys: problems.map((p) => p.key) },
    });
    this.problems = problems;
  }
}

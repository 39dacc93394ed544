import { HubError } from '../errors/hub-error';

/** One configuration key that failed validation, with the reason in plain words (never its value). */
export interface ConfigProblem {
  key: string;
  reason: string;
}

/** Raised at boot when the environment does not describe a runnable process; lists every bad key. */
export class ConfigError extends HubError {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super({
      code: 'CONFIG_INVALID',
      message: `Invalid configuration: ${problems.map((p) => `${p.key} (${p.reason})`).join('; ')}`,
      details: { keys: problems.map((p) => p.key) },
    });
    this.problems = problems;
  }
}

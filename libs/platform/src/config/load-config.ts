import { ConfigError, type ConfigProblem } from './config.error';
import type { EnvField } from './env-fields';

/** A configuration specification: environment variable name to typed field. */
export type ConfigSpec = Record<string, EnvField<unknown>>;

/** The typed object a specification produces. */
export type ConfigOf<S extends ConfigSpec> = {
  readonly [K in keyof S]: S[K] extends EnvField<infer T> ? T : never;
};

/**
 * Reads every field of `spec` from `env` once, at boot. Unset fields take their default; a field
 * without a default is required. Throws a ConfigError naming every bad key, so an operator fixes
 * them all in one go instead of one restart per key. Values are never echoed (they may be secret).
 */
export function loadConfig<S extends ConfigSpec>(
  spec: S,
  env: NodeJS.ProcessEnv = process.env,
): ConfigOf<S> {
  const problems: ConfigProblem[] = [];
  const config: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(spec)) {
    const raw = env[key];
    if (raw === undefined || raw === '') {
      if (field.defaultValue === undefined) problems.push({ key, reason: 'is required' });
      else config[key] = field.defaultValue;
      continue;
    }
    const result = field.parse(raw);
    if (result.ok) config[key] = result.value;
    else problems.push({ key, reason: result.reason });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config) as ConfigOf<S>;
}

/** Lines of a `.env.example` for a specification: description, then `KEY=default`. */
export function describeConfig(spec: ConfigSpec): string[] {
  return Object.entries(spec).flatMap(([key, field]) => {
    const value = field.defaultValue;
    const shown = Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
    return [`# ${field.description}${value === undefined ? ' (required)' : ''}`, `${key}=${shown}`];
  });
}

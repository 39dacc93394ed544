import { readFileSync } from 'node:fs';
import { createAjv, mapAjvErrors, type JsonSchemaObject } from '@rtw/contracts';
import { ConfigError, type ConfigProblem } from '@rtw/platform';

/** How a reference-data file is read. */
export interface ReferenceFileOptions {
  /** Path of the JSON file. */
  file: string;
  /** The configuration key that named the file, for the boot error. */
  configKey: string;
  /** True when NODE_ENV is production: a development file is refused then. */
  production: boolean;
}

/**
 * Reads a reference-data file (data, not code: services open, merge and change contacts) and
 * checks it against its JSON Schema; then `check` adds the rules a schema cannot say (unique
 * codes, cross-field rules). Any problem stops the boot with a ConfigError naming the key and
 * the place in the file, never a value from it (exit 78).
 */
export function loadReferenceFile<T extends { environment: string }>(
  options: ReferenceFileOptions,
  schema: JsonSchemaObject,
  check: (document: T) => string[] = () => [],
): T {
  const fail = (reasons: string[]): never => {
    throw new ConfigError(
      reasons.map((reason): ConfigProblem => ({ key: options.configKey, reason })),
    );
  };
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(options.file, 'utf8'));
  } catch {
    return fail(['cannot be read as JSON']);
  }
  const validate = createAjv().compile(schema);
  if (!validate(document)) {
    return fail(mapAjvErrors(validate.errors).map((issue) => `${issue.pointer}: ${issue.message}`));
  }
  const checked = document as T;
  if (checked.environment === 'development' && options.production)
    fail(['is development data, refused when NODE_ENV=production']);
  const problems = check(checked);
  if (problems.length > 0) fail(problems);
  return checked;
}

/** The entries whose key appears more than once, named by position. */
export function duplicates<T>(entries: readonly T[], keyOf: (entry: T) => string, what: string) {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const key = keyOf(entry);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else problems.push(`${what} #${index} repeats #${first}`);
  });
  return problems;
}

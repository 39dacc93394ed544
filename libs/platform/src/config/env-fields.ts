/**
 * Typed readers for environment variables. Each field parses one raw string into a value or
 * returns a reason; `loadConfig` runs them all and reports every bad key at once.
 */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A typed environment field: how to parse it, its default, and whether it is secret. */
export interface EnvField<T> {
  parse(raw: string): FieldResult<T>;
  defaultValue?: T;
  description: string;
}

type Options<T> = { default?: T; description: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = <T>(reason: string): FieldResult<T> => ({ ok: false, reason });

/** A non-empty string. */
export function str(options: Options<string>): EnvField<string> {
  return {
    parse: (raw) => (raw.trim() === '' ? bad('must not be empty') : ok(raw.trim())),
    defaultValue: options.default,
    description: options.description,
  };
}

/** An integer within bounds. */
export function int(options: Options<number> & { min?: number; max?: number }): EnvField<number> {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
  return {
    parse: (raw) => {
      if (!/^-?\d+$/.test(raw.trim())) return bad('must be a whole number');
      const value = Number(raw);
      return value < min || value > max ? bad(`must be between ${min} and ${max}`) : ok(value);
    },
    defaultValue: options.default,
    description: options.description,
  };
}

/** A TCP port. */
export function port(options: Options<number>): EnvField<number> {
  return int({ ...options, min: 1, max: 65535 });
}

/** `true`/`false` (also 1/0, yes/no). */
export function bool(options: Options<boolean>): EnvField<boolean> {
  return {
    parse: (raw) => {
      const value = raw.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(value)) return ok(true);
      if (['false', '0', 'no'].includes(value)) return ok(false);
      return bad('must be true or false');
    },
    defaultValue: options.default,
    description: options.description,
  };
}

/** One of a fixed set of words. */
export function oneOf<const T extends string>(
  values: readonly T[],
  options: Options<T>,
): EnvField<T> {
  return {
    parse: (raw) =>
      (values as readonly string[]).includes(raw.trim())
        ? ok(raw.trim() as T)
        : bad(`must be one of ${values.join(', ')}`),
    defaultValue: options.default,
    description: options.description,
  };
}

/** A comma-separated list of `host:port` addresses. */
export function hostPortList(options: Options<string[]>): EnvField<string[]> {
  return {
    parse: (raw) => {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      if (items.length === 0) return bad('must list at least one host:port');
      const wrong = items.filter((item) => !/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/.test(item));
      return wrong.length > 0 ? bad('each entry must be host:port') : ok(items);
    },
    defaultValue: options.default,
    description: options.description,
  };
}

/** A URL with one of the given protocols (e.g. `postgres:`). */
export function url(options: Options<string> & { protocols: string[] }): EnvField<string> {
  return {
    parse: (raw) => {
      try {
        const parsed = new URL(raw.trim());
        return options.protocols.includes(parsed.protocol)
          ? ok(raw.trim())
          : bad(`must use ${options.protocols.join(' or ')}`);
      } catch {
        return bad('must be a valid URL');
      }
    },
    defaultValue: options.default,
    description: options.description,
  };
}

/** The identifiers of an event that may be recorded and echoed: never its data. */
export interface EventFacts {
  readonly id?: string;
  readonly type?: string;
  readonly dossierId?: string;
}

/**
 * A CloudEvents `id` as the envelope contract allows it (`cloud-event.schema.json`): 1 to 128
 * characters, letters, digits, `.`, `_`, `:` and `-`, starting with a letter or digit.
 */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const TYPE = /^be\.rtw\.[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads `id`, `type` and `subject` from a candidate event, keeping each only when it has the
 * shape its contract gives it: a refused event's attributes are untrusted text otherwise.
 */
export function factsOf(candidate: unknown): EventFacts {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return {};
  const { id, type, subject } = candidate as Record<string, unknown>;
  return {
    id: isEventId(id) ? id : undefined,
    type: typeof type === 'string' && type.length <= 100 && TYPE.test(type) ? type : undefined,
    dossierId:
      typeof subject === 'string' && UUID.test(subject) ? subject.toLowerCase() : undefined,
  };
}

/** True for a string with the contract's event id shape (see {@link EVENT_ID_PATTERN}). */
export function isEventId(value: unknown): value is string {
  return typeof value === 'string' && EVENT_ID_PATTERN.test(value);
}

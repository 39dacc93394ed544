/** The identifiers of an event that may be recorded and echoed: never its data. */
export interface EventFacts {
  readonly id?: string;
  readonly type?: string;
  readonly dossierId?: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
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
    id: typeof id === 'string' && ID.test(id) ? id : undefined,
    type: typeof type === 'string' && type.length <= 100 && TYPE.test(type) ? type : undefined,
    dossierId:
      typeof subject === 'string' && UUID.test(subject) ? subject.toLowerCase() : undefined,
  };
}

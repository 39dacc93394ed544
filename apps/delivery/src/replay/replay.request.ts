import { DeliveryApiError, invalidRequest } from '../http/delivery-api.error';
import { parseFailedFilter, type FailedMessageFilter } from './failed-message.filter';

/** What a replay is about: listed messages, or every failed message matching a filter. */
export type ReplaySelection =
  { readonly ids: readonly string[] } | { readonly filter: FailedMessageFilter };

/** A checked replay request. */
export interface ReplayRequest {
  readonly selection: ReplaySelection;
  /** Why (audited): 10 to 500 characters. */
  readonly reason: string;
  /** Only report what would happen (the default: a replay is a deliberate second step). */
  readonly dryRun: boolean;
  /** The caller's own ceiling on how many messages this may touch. */
  readonly maxMessages?: number;
}

const FIELDS = new Set(['ids', 'filter', 'reason', 'dryRun', 'maxMessages']);
const MESSAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * Reads a `POST /v1/replays` body: exactly one of `ids` (1 to `cap` message ids) and `filter`, a
 * reason of 10 to 500 characters, `dryRun` (default true) and an optional `maxMessages`. Refusals
 * carry the JSON pointer of the field.
 */
export function parseReplayRequest(body: unknown, cap: number): ReplayRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidRequest('', 'the body must be a JSON object');
  const fields = body as Record<string, unknown>;
  for (const field of Object.keys(fields))
    if (!FIELDS.has(field)) throw invalidRequest(`/${field}`, 'is not a replay field');
  const reason = fields['reason'];
  if (typeof reason !== 'string' || reason.trim().length < 10 || reason.length > 500)
    throw invalidRequest('/reason', 'say why in 10 to 500 characters');
  const dryRun = fields['dryRun'] ?? true;
  if (typeof dryRun !== 'boolean') throw invalidRequest('/dryRun', 'must be true or false');
  const maxMessages = fields['maxMessages'];
  if (
    maxMessages !== undefined &&
    (!Number.isSafeInteger(maxMessages) ||
      (maxMessages as number) < 1 ||
      (maxMessages as number) > cap)
  )
    throw invalidRequest('/maxMessages', `must be a whole number from 1 to ${cap}`);
  return {
    selection: selectionOf(fields, cap),
    reason: reason.trim(),
    dryRun,
    ...(maxMessages === undefined ? {} : { maxMessages: maxMessages as number }),
  };
}

function selectionOf(fields: Record<string, unknown>, cap: number): ReplaySelection {
  const { ids, filter } = fields;
  if ((ids === undefined) === (filter === undefined))
    throw invalidRequest('', 'give exactly one of ids and filter');
  if (ids !== undefined) {
    if (!Array.isArray(ids) || ids.length === 0)
      throw invalidRequest('/ids', 'must list at least one message id');
    ids.forEach((id, index) => {
      if (typeof id !== 'string' || !MESSAGE_ID.test(id))
        throw invalidRequest(`/ids/${index}`, 'is not a message id');
    });
    if (ids.length > cap)
      throw new DeliveryApiError({
        code: 'REPLAY_TOO_LARGE',
        message: `one replay takes at most ${cap} messages; split the list`,
        pointer: '/ids',
      });
    return { ids: [...new Set(ids as string[])] };
  }
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
    throw invalidRequest('/filter', 'must be an object');
  return { filter: parseFailedFilter(filter as Record<string, unknown>, 'body') };
}

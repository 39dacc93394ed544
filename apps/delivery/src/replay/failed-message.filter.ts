import { PARTNERS, type Partner } from '@rtw/messaging';
import { invalidQuery, invalidRequest } from '../http/delivery-api.error';

/** Which failed messages (dead-lettered or refused) a listing or a replay is about. */
export interface FailedMessageFilter {
  readonly partner?: Partner;
  /** `<kind>:<code>` of the receiving organisation. */
  readonly organisation?: string;
  /** Message type (`fia`, `cpmt-referral`...). */
  readonly type?: string;
  /** Reason code of the failure (`PARTNER_REJECTED`, `CONSENT_WITHDRAWN`...). */
  readonly code?: string;
  /** Failed at or after. */
  readonly from?: Date;
  /** Failed before. */
  readonly to?: Date;
}

const FIELDS = ['partner', 'organisation', 'type', 'code', 'from', 'to'] as const;
const ORGANISATION = /^(cpmt|regional|inami):[a-z0-9]{1,32}$/;
const TYPE = /^[a-z][a-z0-9-]{0,63}$/;
const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a filter from query parameters (`where: 'query'`) or from a replay body's `filter` object
 * (`where: 'body'`, pointers `/filter/<field>`). Unknown fields are refused in a body; every value
 * has a closed shape, so nothing a caller sends reaches SQL except as a bound parameter.
 */
export function parseFailedFilter(
  source: Readonly<Record<string, unknown>>,
  where: 'query' | 'body',
): FailedMessageFilter {
  const fail = (field: string, message: string) =>
    where === 'query' ? invalidQuery(field, message) : invalidRequest(`/filter/${field}`, message);
  if (where === 'body')
    for (const field of Object.keys(source))
      if (!(FIELDS as readonly string[]).includes(field))
        throw fail(field, 'is not a filter field');
  const text = (field: string, shape: RegExp, what: string): string | undefined => {
    const value = source[field];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || !shape.test(value)) throw fail(field, `must be ${what}`);
    return value;
  };
  const partner = text('partner', /^[a-z]+$/, `one of ${PARTNERS.join(', ')}`);
  if (partner !== undefined && !(PARTNERS as readonly string[]).includes(partner))
    throw fail('partner', `must be one of ${PARTNERS.join(', ')}`);
  const instant = (field: string): Date | undefined => {
    const value = text(field, INSTANT, 'an RFC 3339 instant');
    if (value === undefined) return undefined;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw fail(field, 'must be an RFC 3339 instant');
    return date;
  };
  const filter: FailedMessageFilter = {
    ...(partner ? { partner: partner as Partner } : {}),
    ...optional('organisation', text('organisation', ORGANISATION, '<kind>:<code>')),
    ...optional('type', text('type', TYPE, 'a message type')),
    ...optional('code', text('code', CODE, 'a reason code')),
    ...optional('from', instant('from')),
    ...optional('to', instant('to')),
  };
  if (filter.from && filter.to && filter.from >= filter.to) throw fail('to', 'must be after from');
  return filter;
}

/** The WHERE clause (failed messages only) and its parameters, numbered from `$first`. */
export function failedFilterSql(
  filter: FailedMessageFilter,
  first = 1,
): { clause: string; params: unknown[] } {
  const conditions = [`m."status" IN ('dead-lettered', 'refused')`];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${first + params.length - 1}`));
  };
  if (filter.partner) add(`m."partner" = ?`, filter.partner);
  if (filter.organisation) add(`m."organisation_id" = ?`, filter.organisation);
  if (filter.type) add(`m."message_type" = ?`, filter.type);
  if (filter.code) add(`m."reason_code" = ?`, filter.code);
  if (filter.from) add(`m."failed_at" >= ?`, filter.from);
  if (filter.to) add(`m."failed_at" < ?`, filter.to);
  return { clause: conditions.join(' AND '), params };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

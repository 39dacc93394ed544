import { isIsoDate, isKnownInsurer, isValidEnterpriseNumber, isValidNiss } from '@rtw/domain';

/** A string format check; Ajv calls it only for string values. */
export type FormatCheck = (value: string) => boolean;

const POSTAL_CODE = /^\d{4}$/;
const LOWEST_POSTAL_CODE = 1000;

/**
 * The formats our schemas name beyond JSON Schema's own. The rules live in `@rtw/domain` so that
 * the gateway's shape check and the tracker's business code can never disagree about a NISS.
 */
export const SEMANTIC_FORMATS: Readonly<Record<string, FormatCheck>> = {
  niss: (value) => isValidNiss(value),
  'enterprise-number': (value) => isValidEnterpriseNumber(value),
  'be-postal-code': (value) => POSTAL_CODE.test(value) && Number(value) >= LOWEST_POSTAL_CODE,
  'insurer-code': (value) => isKnownInsurer(value),
  // ajv-formats' own `date` accepts the same strings today; ours makes the calendar rule explicit
  // and shared with the domain (one definition of "a real date").
  date: (value) => isIsoDate(value),
};

/** Readable names of formats for error messages ("must be a valid <name>"). */
export const FORMAT_LABELS: Readonly<Record<string, string>> = {
  niss: 'NISS or BIS number',
  'enterprise-number': 'enterprise number',
  'be-postal-code': 'Belgian postal code',
  'insurer-code': 'known insurer code',
  date: 'calendar date (YYYY-MM-DD)',
  'date-time': 'date-time with offset (RFC 3339)',
  uuid: 'UUID',
  uri: 'URI',
};

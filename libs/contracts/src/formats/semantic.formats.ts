import { isIsoDate, isKnownInsurer, isValidEnterpriseNumber, isValidNiss } from '@rtw/domain';
import type { ValidationCode } from '../validation/validation.types';
import { isDossierId } from './dossier-id.format';
import { isHumanText } from './human-text.format';

/** A string format check; Ajv calls it only for string values. */
export type FormatCheck = (value: string) => boolean;

const POSTAL_CODE = /^\d{4}$/;
const LOWEST_POSTAL_CODE = 1000;

/**
 * The formats our schemas name beyond JSON Schema's own. The rules live in `@rtw/domain` so that
 * the gateway's shape check and the tracker's business code can never disagree about a NISS.
 */
export const SEMANTIC_FORMATS = {
  niss: (value) => isValidNiss(value),
  'enterprise-number': (value) => isValidEnterpriseNumber(value),
  'be-postal-code': (value) => POSTAL_CODE.test(value) && Number(value) >= LOWEST_POSTAL_CODE,
  'insurer-code': (value) => isKnownInsurer(value),
  // ajv-formats' own `date` accepts the same strings today; ours makes the calendar rule explicit
  // and shared with the domain (one definition of "a real date").
  date: (value) => isIsoDate(value),
  'human-text': (value) => isHumanText(value),
  'dossier-id': (value) => isDossierId(value),
} as const satisfies Readonly<Record<string, FormatCheck>>;

/** The name of one of our semantic formats. */
export type SemanticFormat = keyof typeof SEMANTIC_FORMATS;

/** The code and plain-words message of a value that fails a semantic format. */
export interface FormatFault {
  readonly code: ValidationCode;
  readonly message: string;
}

/**
 * One code per semantic fault, the same the domain uses (NISS_INVALID, INSURER_UNKNOWN...), so the
 * gateway, `rtw validate` and the tracker name one fault one way (ADR 0046). Messages describe the
 * rule, never the value.
 */
export const FORMAT_FAULTS: Readonly<Record<SemanticFormat, FormatFault>> = {
  niss: {
    code: 'NISS_INVALID',
    message: 'must be a NISS or BIS number: 11 digits, a possible birth date, valid check digits',
  },
  'enterprise-number': {
    code: 'ENTERPRISE_NUMBER_INVALID',
    message: 'must be an enterprise number: 10 digits starting with 0 or 1, valid check digits',
  },
  'be-postal-code': {
    code: 'POSTAL_CODE_INVALID',
    message: 'must be a Belgian postal code (4 digits, 1000-9999)',
  },
  'insurer-code': { code: 'INSURER_UNKNOWN', message: 'must be the code of a known insurer' },
  date: { code: 'DATE_INVALID', message: 'must be a calendar date that exists (YYYY-MM-DD)' },
  'human-text': {
    code: 'TEXT_FORBIDDEN_CHARACTER',
    message:
      'must not contain control characters, line breaks, bidirectional overrides or unpaired surrogates',
  },
  'dossier-id': {
    code: 'DOSSIER_ID_INVALID',
    message: 'must be a lower-case UUID (8-4-4-4-12 hexadecimal digits), not the nil UUID',
  },
};

/** Whether a format name is one of ours. */
export function isSemanticFormat(format: string): format is SemanticFormat {
  return Object.hasOwn(SEMANTIC_FORMATS, format);
}

/** Readable names of the standard formats for error messages ("must be a valid <name>"). */
export const FORMAT_LABELS: Readonly<Record<string, string>> = {
  'date-time': 'date-time with offset (RFC 3339)',
  uuid: 'UUID',
  uri: 'URI',
};

import { HubError } from '@rtw/platform';

/** Why a partner document could not be built, read or translated. Closed: edges map each code. */
export type PartnerErrorCode =
  | 'PARTNER_UNKNOWN'
  | 'PARTNER_CONTRACTS_UNUSABLE'
  | 'PARTNER_CONSENT_MISSING'
  | 'PARTNER_NOT_COMPETENT'
  | 'PARTNER_INPUT_INVALID'
  | 'PARTNER_MEDIA_TYPE_UNSUPPORTED'
  | 'PARTNER_DOCUMENT_TOO_LARGE'
  | 'PARTNER_DOCUMENT_MALFORMED'
  | 'PARTNER_DOCUMENT_FORBIDDEN'
  | 'PARTNER_DOCUMENT_UNEXPECTED'
  | 'PARTNER_DOCUMENT_INVALID';

/** Every PartnerErrorCode, for exhaustive tables at the edges. */
export const PARTNER_ERROR_CODES: readonly PartnerErrorCode[] = [
  'PARTNER_UNKNOWN',
  'PARTNER_CONTRACTS_UNUSABLE',
  'PARTNER_CONSENT_MISSING',
  'PARTNER_NOT_COMPETENT',
  'PARTNER_INPUT_INVALID',
  'PARTNER_MEDIA_TYPE_UNSUPPORTED',
  'PARTNER_DOCUMENT_TOO_LARGE',
  'PARTNER_DOCUMENT_MALFORMED',
  'PARTNER_DOCUMENT_FORBIDDEN',
  'PARTNER_DOCUMENT_UNEXPECTED',
  'PARTNER_DOCUMENT_INVALID',
];

/**
 * A partner document problem. `pointer` locates it in the document's content (a JSON pointer; for
 * XML the element path below the root, the same pointer as for the JSON form). Messages and
 * details never hold a value from the document. Never retriable: the same input fails the same way.
 */
export class PartnerError extends HubError {
  declare readonly code: PartnerErrorCode;
  readonly pointer?: string;

  constructor(args: {
    code: PartnerErrorCode;
    message: string;
    pointer?: string;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super({
      code: args.code,
      message: args.message,
      retriable: false,
      details:
        args.pointer === undefined ? args.details : { ...args.details, pointer: args.pointer },
      cause: args.cause,
    });
    this.pointer = args.pointer;
  }
}

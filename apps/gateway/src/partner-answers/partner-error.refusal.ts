import { IngressError, type IngressReasonCode } from '@rtw/ingress';
import type { PartnerError, PartnerErrorCode, PartnerMediaType } from '@rtw/partners';

// Reading an answer can only fail with the document codes; the others belong to building
// messages, and meeting one here is a bug, not the partner's mistake.
const BY_PARTNER_CODE: Readonly<Record<PartnerErrorCode, IngressReasonCode | 'by-format'>> = {
  PARTNER_UNKNOWN: 'PARTNER_ANSWER_NOT_ALLOWED',
  PARTNER_CONTRACTS_UNUSABLE: 'INTERNAL_ERROR',
  PARTNER_CONSENT_MISSING: 'INTERNAL_ERROR',
  PARTNER_NOT_COMPETENT: 'PARTNER_NOT_COMPETENT',
  PARTNER_INPUT_INVALID: 'INTERNAL_ERROR',
  PARTNER_MEDIA_TYPE_UNSUPPORTED: 'UNSUPPORTED_MEDIA_TYPE',
  PARTNER_DOCUMENT_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  PARTNER_DOCUMENT_MALFORMED: 'by-format',
  PARTNER_DOCUMENT_FORBIDDEN: 'by-format',
  PARTNER_DOCUMENT_UNEXPECTED: 'ANSWER_UNEXPECTED_DOCUMENT',
  PARTNER_DOCUMENT_INVALID: 'ANSWER_SCHEMA_INVALID',
};

// What the hardened XML parser refused (ADR 0050), said with the same words to the partner.
const BY_XML_CODE: Readonly<Record<string, IngressReasonCode>> = {
  XML_MALFORMED: 'XML_MALFORMED',
  XML_ENCODING_UNSUPPORTED: 'XML_MALFORMED',
  XML_DOCTYPE_FORBIDDEN: 'XML_DOCTYPE_FORBIDDEN',
  XML_FORBIDDEN_NAME: 'XML_FORBIDDEN_NAME',
  XML_TOO_DEEP: 'XML_TOO_DEEP',
};

/**
 * The gateway's refusal of an answer document @rtw/partners could not read: a reason code the
 * partner can act on, the partner lib's message (it never quotes the document) and its pointer.
 */
export function refusalOfPartnerError(
  error: PartnerError,
  mediaType: PartnerMediaType,
): IngressError {
  const code = codeOf(error, mediaType);
  if (code === 'INTERNAL_ERROR')
    return new IngressError({ code, message: 'the answer could not be read', cause: error });
  return new IngressError({
    code,
    message: error.message,
    ...(error.pointer === undefined || code === 'UNSUPPORTED_MEDIA_TYPE'
      ? {}
      : { pointer: error.pointer }),
    cause: error,
  });
}

function codeOf(error: PartnerError, mediaType: PartnerMediaType): IngressReasonCode {
  const mapped = BY_PARTNER_CODE[error.code];
  if (mapped !== 'by-format') return mapped;
  if (mediaType === 'application/json') return 'MALFORMED_JSON';
  const xmlCode = error.details?.['xmlCode'];
  return (
    (typeof xmlCode === 'string' && Object.hasOwn(BY_XML_CODE, xmlCode)
      ? BY_XML_CODE[xmlCode]
      : undefined) ?? 'XML_MALFORMED'
  );
}

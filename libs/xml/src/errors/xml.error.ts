import { HubError } from '@rtw/platform';

/** Why an XML document was refused. Closed: edges map each code to a status or a dead letter. */
export type XmlErrorCode =
  | 'XML_MALFORMED'
  | 'XML_ENCODING_UNSUPPORTED'
  | 'XML_DOCTYPE_FORBIDDEN'
  | 'XML_FORBIDDEN_NAME'
  | 'XML_TOO_LARGE'
  | 'XML_TOO_DEEP'
  | 'XML_SCHEMA_INVALID'
  | 'XML_SCHEMA_UNUSABLE'
  | 'XML_NOT_SERIALISABLE';

/** Every XmlErrorCode, for exhaustive tables at the edges. */
export const XML_ERROR_CODES: readonly XmlErrorCode[] = [
  'XML_MALFORMED',
  'XML_ENCODING_UNSUPPORTED',
  'XML_DOCTYPE_FORBIDDEN',
  'XML_FORBIDDEN_NAME',
  'XML_TOO_LARGE',
  'XML_TOO_DEEP',
  'XML_SCHEMA_INVALID',
  'XML_SCHEMA_UNUSABLE',
  'XML_NOT_SERIALISABLE',
];

/** Where in the document a problem is: line (1-based) and element path, never a value. */
export interface XmlLocation {
  readonly line?: number;
  /** Element path such as `/fia/personne/dateNaissance`; names that could be data are redacted. */
  readonly path?: string;
}

/**
 * A refused or unusable XML document. Messages and details name rules, lines and element paths,
 * never text or attribute values (they may be a NISS or a name). Never retriable: the same bytes
 * fail the same way.
 */
export class XmlError extends HubError {
  declare readonly code: XmlErrorCode;
  readonly line?: number;
  readonly path?: string;

  constructor(args: {
    code: XmlErrorCode;
    message: string;
    location?: XmlLocation;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    const location = args.location ?? {};
    super({
      code: args.code,
      message: args.message,
      retriable: false,
      details: { ...args.details, ...definedOnly(location) },
      cause: args.cause,
    });
    this.line = location.line;
    this.path = location.path;
  }
}

function definedOnly(location: XmlLocation): Record<string, unknown> {
  return Object.fromEntries(Object.entries(location).filter(([, value]) => value !== undefined));
}

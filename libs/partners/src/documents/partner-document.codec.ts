import type { ValidateFunction } from 'ajv';
import { checkSize, mapAjvErrors } from '@rtw/contracts';
import {
  type JsonXmlBinding,
  XmlError,
  type XmlErrorCode,
  type XsdSchema,
  parseXml,
  serializeXml,
} from '@rtw/xml';
import { type PartnerErrorCode, PartnerError } from '../errors/partner.error';
import type { PartnerDocumentContract, PartnerMediaType } from '../registry/partner-contracts.data';
import { partnerMediaType } from './media-type';
import type { ReceivedDocument } from './partner-document.types';

/** One partner document contract, compiled: JSON Schema validator, and for XML its XSD. */
export interface CompiledDocument {
  readonly contract: PartnerDocumentContract;
  readonly validate: ValidateFunction;
  readonly xml?: {
    readonly xsd: XsdSchema;
    readonly binding: JsonXmlBinding;
    readonly root: string;
  };
}

const XML_TO_PARTNER: Readonly<Record<XmlErrorCode, PartnerErrorCode>> = {
  XML_MALFORMED: 'PARTNER_DOCUMENT_MALFORMED',
  XML_ENCODING_UNSUPPORTED: 'PARTNER_DOCUMENT_MALFORMED',
  XML_DOCTYPE_FORBIDDEN: 'PARTNER_DOCUMENT_FORBIDDEN',
  XML_FORBIDDEN_NAME: 'PARTNER_DOCUMENT_FORBIDDEN',
  XML_TOO_DEEP: 'PARTNER_DOCUMENT_FORBIDDEN',
  XML_TOO_LARGE: 'PARTNER_DOCUMENT_TOO_LARGE',
  XML_SCHEMA_INVALID: 'PARTNER_DOCUMENT_INVALID',
  XML_SCHEMA_UNUSABLE: 'PARTNER_CONTRACTS_UNUSABLE',
  XML_NOT_SERIALISABLE: 'PARTNER_DOCUMENT_INVALID',
};

/**
 * Checks content against its contract and serializes it: JSON as is, XML through the binding and
 * the XSD. Throws PARTNER_DOCUMENT_INVALID with a pointer when the content breaks the contract.
 */
export function encodeDocument(
  compiled: CompiledDocument,
  content: unknown,
  mediaType: PartnerMediaType = compiled.contract.mediaTypes[0]!,
): string {
  checkContent(compiled, content);
  if (mediaType === 'application/json') return JSON.stringify(content);
  const xml = requireXml(compiled);
  return translateXmlErrors(compiled, () => {
    const body = serializeXml(xml.binding.toXml(content, xml.root), {
      namespace: compiled.contract.schemaId,
    });
    xml.xsd.validate(body);
    return body;
  });
}

/**
 * Reads an untrusted document: media type, size, safe parse (JSON, or hardened XML with the
 * contract's root and namespace and its XSD), then the JSON Schema. Returns the checked content.
 */
export function decodeDocument(
  compiled: CompiledDocument,
  received: ReceivedDocument,
  maxBytes: number,
): unknown {
  const mediaType = partnerMediaType(received.contentType);
  if (mediaType === undefined || !compiled.contract.mediaTypes.includes(mediaType)) {
    throw new PartnerError({
      code: 'PARTNER_MEDIA_TYPE_UNSUPPORTED',
      message: `${compiled.contract.schemaId} is not accepted as ${received.contentType.slice(0, 60)}`,
      details: { accepted: compiled.contract.mediaTypes },
    });
  }
  const content =
    mediaType === 'application/json'
      ? parseJson(compiled, received.body, maxBytes)
      : parseXmlDocument(compiled, received.body, maxBytes);
  checkContent(compiled, content);
  return content;
}

function parseJson(
  compiled: CompiledDocument,
  body: Uint8Array | string,
  maxBytes: number,
): unknown {
  const size = checkSize(body, maxBytes);
  if (!size.ok) {
    throw new PartnerError({
      code: 'PARTNER_DOCUMENT_TOO_LARGE',
      message: `${compiled.contract.schemaId} document is larger than ${maxBytes} bytes`,
      details: { limit: maxBytes },
    });
  }
  try {
    const text =
      typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new PartnerError({
      code: 'PARTNER_DOCUMENT_MALFORMED',
      message: `${compiled.contract.schemaId} document is not UTF-8 JSON`,
      cause,
    });
  }
}

function parseXmlDocument(
  compiled: CompiledDocument,
  body: Uint8Array | string,
  maxBytes: number,
): unknown {
  const xml = requireXml(compiled);
  return translateXmlErrors(compiled, () => {
    const root = parseXml(body, { maxBytes });
    if (root.localName !== xml.root || root.namespace !== compiled.contract.schemaId) {
      throw new PartnerError({
        code: 'PARTNER_DOCUMENT_UNEXPECTED',
        message: `document is not a ${compiled.contract.schemaId} document (root element or namespace differs)`,
        pointer: '',
      });
    }
    xml.xsd.validate(body, { maxBytes });
    return xml.binding.fromXml(root);
  });
}

/** Validates content against the contract's JSON Schema; PARTNER_DOCUMENT_INVALID otherwise. */
export function checkContent(compiled: CompiledDocument, content: unknown): void {
  if (compiled.validate(content)) return;
  const errors = compiled.validate.errors ?? [];
  // Answers hold exactly one answer element (`oneOf`). Ajv lists each branch's failure before the
  // `oneOf` itself; the branch errors would point at an answer the sender never meant to send.
  const choice = errors.find((error) => error.keyword === 'oneOf');
  const issue = choice
    ? {
        pointer: choice.instancePath,
        code: 'SCHEMA_INVALID',
        message: 'must hold exactly one of the answers the contract lists',
      }
    : mapAjvErrors(errors)[0];
  throw new PartnerError({
    code: 'PARTNER_DOCUMENT_INVALID',
    message: `document breaks ${compiled.contract.schemaId} at ${issue?.pointer || '(root)'}: ${issue?.message ?? 'invalid'}`,
    pointer: issue?.pointer ?? '',
    details: { schemaId: compiled.contract.schemaId, rule: issue?.code ?? 'SCHEMA_INVALID' },
  });
}

function requireXml(compiled: CompiledDocument): NonNullable<CompiledDocument['xml']> {
  if (compiled.xml) return compiled.xml;
  throw new PartnerError({
    code: 'PARTNER_MEDIA_TYPE_UNSUPPORTED',
    message: `${compiled.contract.schemaId} has no XML form`,
  });
}

function translateXmlErrors<T>(compiled: CompiledDocument, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    // The XSD names elements from the root down; the pointer is the same path without the root,
    // which is also the JSON pointer of the same field in the JSON form.
    const pointer =
      error.path
        ?.split('/')
        .slice(2)
        .map((name) => `/${name}`)
        .join('') ?? '';
    throw new PartnerError({
      code: XML_TO_PARTNER[error.code],
      message: `${compiled.contract.schemaId}: ${error.message}`,
      pointer,
      details: {
        schemaId: compiled.contract.schemaId,
        xmlCode: error.code,
        ...(error.line === undefined ? {} : { line: error.line }),
      },
      cause: error,
    });
  }
}

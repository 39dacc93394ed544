import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv, locateSchemasDir } from '@rtw/contracts';
import { XmlError, XsdSchema } from '@rtw/xml';
import type { ReceivedDocument } from '../documents/partner-document.types';
import { PartnerError, type PartnerErrorCode } from '../errors/partner.error';

/** The INAMI evaluation dataset v1: our model (ADR 0080), INAMI's message (ADR 0082). */
export const INAMI_DATASET_CONTRACT = {
  name: 'evaluation dataset',
  schemaId: 'urn:rtw:partner:inami:evaluation-dataset:v1',
  schemaFile: 'inami/evaluation-dataset.v1.schema.json',
  xsdFile: 'inami/evaluation-dataset.v1.xsd',
  xmlRoot: 'evaluationDataset',
  mediaTypes: ['application/xml', 'application/json'],
} as const;

/** A national year is tens of MB; the dataset contract reads up to this much by default. */
export const INAMI_DATASET_MAX_BYTES = 256 * 1024 * 1024;

/**
 * INAMI's side of the dataset contract: checks a whole received dataset, XML against the XSD
 * (libxml2, no entities, no network) or JSON against the JSON Schema, as INAMI (the partner
 * sandbox) and delivery's gate do before it is sent or accepted. Unlike the referral contracts
 * it has no answer document yet: INAMI answers with the HTTP status (ADR 0082).
 */
export class InamiDatasetContract {
  private constructor(
    private readonly xsd: XsdSchema,
    private readonly validateJson: ValidateFunction,
  ) {}

  /** Compiles the contract; PARTNER_CONTRACTS_UNUSABLE when a file is missing or broken. */
  static async load(options: { schemasDir?: string } = {}): Promise<InamiDatasetContract> {
    const dir = path.join(locateSchemasDir(options), 'partners');
    try {
      const schema = JSON.parse(
        fs.readFileSync(path.join(dir, INAMI_DATASET_CONTRACT.schemaFile), 'utf8'),
      ) as object;
      const xsd = await XsdSchema.compile({
        name: INAMI_DATASET_CONTRACT.xsdFile,
        xsd: fs.readFileSync(path.join(dir, INAMI_DATASET_CONTRACT.xsdFile)),
      });
      return new InamiDatasetContract(xsd, createAjv().compile(schema));
    } catch (cause) {
      throw new PartnerError({
        code: 'PARTNER_CONTRACTS_UNUSABLE',
        message: `the INAMI dataset contract (${INAMI_DATASET_CONTRACT.schemaFile}) cannot be used`,
        cause,
      });
    }
  }

  /** Throws a PartnerError (with a pointer when it breaks the contract) unless `received` is valid. */
  check(received: ReceivedDocument, maxBytes = INAMI_DATASET_MAX_BYTES): void {
    const id = INAMI_DATASET_CONTRACT.schemaId;
    const body = bytesOf(received.body);
    if (body.length > maxBytes) {
      throw new PartnerError({
        code: 'PARTNER_DOCUMENT_TOO_LARGE',
        message: `${id} document is larger than ${maxBytes} bytes`,
        details: { limit: maxBytes },
      });
    }
    if (received.contentType === 'application/json') return this.checkJson(body);
    try {
      this.xsd.validate(body, { maxBytes });
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
      throw new PartnerError({
        code: partnerCodeOf(error),
        message: `${id}: ${error.message}`,
        pointer:
          error.path
            ?.split('/')
            .slice(2)
            .map((name) => `/${name}`)
            .join('') ?? '',
        details: { schemaId: id, xmlCode: error.code },
      });
    }
  }

  /** Frees the compiled XSD. */
  dispose(): void {
    this.xsd.dispose();
  }

  private checkJson(body: Buffer): void {
    const id = INAMI_DATASET_CONTRACT.schemaId;
    let content: unknown;
    try {
      content = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch (cause) {
      throw new PartnerError({
        code: 'PARTNER_DOCUMENT_MALFORMED',
        message: `${id} document is not UTF-8 JSON`,
        cause,
      });
    }
    if (this.validateJson(content)) return;
    const [issue] = this.validateJson.errors ?? [];
    throw new PartnerError({
      code: 'PARTNER_DOCUMENT_INVALID',
      message: `document breaks ${id} at ${issue?.instancePath || '(root)'} (${issue?.keyword ?? 'schema'})`,
      pointer: issue?.instancePath ?? '',
      details: { schemaId: id, rule: issue?.keyword ?? 'schema' },
    });
  }
}

/** The PartnerError code of an XSD check's refusal (the referral contracts' table, in short). */
function partnerCodeOf(error: XmlError): PartnerErrorCode {
  switch (error.code) {
    case 'XML_SCHEMA_INVALID':
    case 'XML_NOT_SERIALISABLE':
      return 'PARTNER_DOCUMENT_INVALID';
    case 'XML_TOO_LARGE':
      return 'PARTNER_DOCUMENT_TOO_LARGE';
    case 'XML_DOCTYPE_FORBIDDEN':
    case 'XML_FORBIDDEN_NAME':
    case 'XML_TOO_DEEP':
      return 'PARTNER_DOCUMENT_FORBIDDEN';
    case 'XML_SCHEMA_UNUSABLE':
      return 'PARTNER_CONTRACTS_UNUSABLE';
    default:
      return 'PARTNER_DOCUMENT_MALFORMED';
  }
}

/** The bytes of a received body, without a copy when it already is bytes. */
function bytesOf(body: string | Uint8Array): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

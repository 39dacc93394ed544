import { XsdSchemaCache } from '@rtw/xml';
import { buildIfa } from './adg/ifa.builder';
import { ADG_ANSWERS } from './adg/adg-answer.vocabulary';
import { buildFia } from './actiris/fia.builder';
import { ACTIRIS_ANSWERS } from './actiris/actiris-answer.vocabulary';
import {
  type AnswerVocabulary,
  answerFromDocument,
  documentFromAnswer,
} from './answers/answer.vocabulary';
import type {
  CanonicalAnswerType,
  PartnerAnswer,
  TranslatedAnswer,
} from './answers/partner-answer.types';
import { buildCpmtReferral } from './cpmt/cpmt-referral.builder';
import { CPMT_ANSWERS } from './cpmt/cpmt-answer.vocabulary';
import type { CpmtReferralV1 } from './cpmt/cpmt-referral.types';
import type {
  CpmtReferralInput,
  RegionalReferralInput,
} from './dossier/partner-dossier-view.types';
import {
  type CompiledDocument,
  checkContent,
  decodeDocument,
  encodeDocument,
} from './documents/partner-document.codec';
import type { PartnerDocument, ReceivedDocument } from './documents/partner-document.types';
import {
  type CompiledContracts,
  compilePartnerContracts,
} from './documents/partner-schemas.loader';
import { PartnerError } from './errors/partner.error';
import { buildFif } from './forem/fif.builder';
import { FOREM_ANSWERS } from './forem/forem-answer.vocabulary';
import {
  PARTNER_CONTRACTS,
  type PartnerCode,
  type PartnerMediaType,
  isPartnerCode,
} from './registry/partner-contracts.data';
import { MESSAGE_HEADERS } from './registry/message-headers.data';
import { buildAmf } from './vdab/amf.builder';
import { VDAB_ANSWERS } from './vdab/vdab-answer.vocabulary';
import type { AmfV1 } from './vdab/amf.types';
import type { FiaV1 } from './actiris/fia.types';
import type { FifV1 } from './forem/fif.types';
import type { IfaV1 } from './adg/ifa.types';

/** Options of PartnerContracts.load. */
export interface PartnerContractsOptions {
  /** The `schemas/` folder; found like the canonical contracts' when absent. */
  readonly schemasDir?: string;
  /** Largest partner document read, in bytes; 64 KiB by default (forms and answers are ~2 KiB). */
  readonly maxDocumentBytes?: number;
}

/** The referral form of each regional service. */
export type RegionalReferralDocument = FiaV1 | AmfV1 | FifV1 | IfaV1;

/** A referral message as the partner sandbox reads it: its ids and its checked content. */
export interface ReadMessage<T = unknown> {
  readonly partner: PartnerCode;
  /** The hub's message id (the sender's idempotency key). */
  readonly messageId: string;
  /** The references an answer must repeat. */
  readonly dossierId: string;
  readonly referralId: string;
  readonly content: T;
}

const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024;

const REGIONAL_BUILDERS = {
  actiris: buildFia,
  vdab: buildAmf,
  forem: buildFif,
  adg: buildIfa,
} as const;

const ANSWERS: Readonly<Record<PartnerCode, AnswerVocabulary<CanonicalAnswerType>>> = {
  actiris: ACTIRIS_ANSWERS as AnswerVocabulary<CanonicalAnswerType>,
  vdab: VDAB_ANSWERS as AnswerVocabulary<CanonicalAnswerType>,
  forem: FOREM_ANSWERS as AnswerVocabulary<CanonicalAnswerType>,
  adg: ADG_ANSWERS as AnswerVocabulary<CanonicalAnswerType>,
  cpmt: CPMT_ANSWERS as AnswerVocabulary<CanonicalAnswerType>,
};

/**
 * The partner contracts, compiled once per process: builds each partner's referral message from a
 * dossier view and a referral event (only the contract's fields, validated against its JSON Schema
 * and, for XML, its XSD), translates partner answers into canonical events, and gives the partner
 * sandbox the reverse: read a partner message, write a partner answer.
 */
export class PartnerContracts {
  private constructor(
    private readonly compiled: CompiledContracts,
    private readonly xsdCache: XsdSchemaCache,
    private readonly maxDocumentBytes: number,
  ) {}

  /** Loads and compiles every partner contract (libxml2 loads asynchronously, once). */
  static async load(options: PartnerContractsOptions = {}): Promise<PartnerContracts> {
    const cache = new XsdSchemaCache();
    const compiled = await compilePartnerContracts(options, cache);
    return new PartnerContracts(
      compiled,
      cache,
      options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
    );
  }

  /** The referral form for the regional service the referral names (FIA, AMF, FIF or IFA). */
  buildRegionalReferral(input: RegionalReferralInput): PartnerDocument<RegionalReferralDocument> {
    const partner = input.referral.service;
    const content: RegionalReferralDocument = REGIONAL_BUILDERS[partner](input);
    return this.document(partner, this.compiled[partner].message, content);
  }

  /** The referral message to the CPMT of the employer's prevention service. */
  buildCpmtReferral(input: CpmtReferralInput): PartnerDocument<CpmtReferralV1> {
    return this.document('cpmt', this.compiled.cpmt.message, buildCpmtReferral(input));
  }

  /**
   * Reads an answer received from `partner` (its authenticated identity, not what the document
   * says) and returns the canonical event it becomes, with the dossier and referral it is about.
   */
  translateAnswer(partner: string, received: ReceivedDocument): TranslatedAnswer {
    const code = requirePartner(partner);
    const content = decodeDocument(this.compiled[code].answer, received, this.maxDocumentBytes);
    return {
      partner: code,
      ...answerFromDocument(ANSWERS[code], content as Record<string, unknown>),
    };
  }

  /** Sandbox: reads and checks a referral message sent to `partner`. */
  readMessage<T = unknown>(partner: string, received: ReceivedDocument): ReadMessage<T> {
    const code = requirePartner(partner);
    const content = decodeDocument(this.compiled[code].message, received, this.maxDocumentBytes);
    const words = MESSAGE_HEADERS[code];
    const document = content as Record<string, Record<string, unknown>>;
    const references = document[words.references]!;
    return {
      partner: code,
      messageId: String(document[words.messageId]),
      dossierId: String(references[words.dossier]),
      referralId: String(references[words.referral]),
      content: content as T,
    };
  }

  /** Sandbox: writes `answer` as `partner` would, in its language and format. */
  buildAnswer(
    partner: string,
    answer: PartnerAnswer,
    mediaType?: PartnerMediaType,
  ): PartnerDocument {
    const code = requirePartner(partner);
    const content = documentFromAnswer(ANSWERS[code], answer);
    return this.document(code, this.compiled[code].answer, content, mediaType);
  }

  /**
   * Checks a document's content (as an object) against the JSON Schema of `partner`'s message or
   * answer contract; throws PARTNER_DOCUMENT_INVALID with a pointer otherwise.
   */
  checkContent(partner: string, document: 'message' | 'answer', content: unknown): void {
    checkContent(this.compiled[requirePartner(partner)][document], content);
  }

  /** Frees the compiled XSDs. */
  async dispose(): Promise<void> {
    await this.xsdCache.dispose();
  }

  private document<T>(
    partner: PartnerCode,
    compiled: CompiledDocument,
    content: T,
    mediaType: PartnerMediaType = compiled.contract.mediaTypes[0]!,
  ): PartnerDocument<T> {
    if (!compiled.contract.mediaTypes.includes(mediaType)) {
      throw new PartnerError({
        code: 'PARTNER_MEDIA_TYPE_UNSUPPORTED',
        message: `${compiled.contract.schemaId} does not travel as ${mediaType}`,
      });
    }
    const body = encodeDocument(compiled, content, mediaType);
    return { partner, schemaId: compiled.contract.schemaId, mediaType, content, body };
  }
}

function requirePartner(partner: string): PartnerCode {
  if (isPartnerCode(partner)) return partner;
  throw new PartnerError({
    code: 'PARTNER_UNKNOWN',
    message: `no partner contract for ${partner.slice(0, 40)}`,
    details: { known: Object.keys(PARTNER_CONTRACTS) },
  });
}

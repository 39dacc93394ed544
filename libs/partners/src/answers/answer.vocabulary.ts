import { PartnerError } from '../errors/partner.error';
import type {
  CanonicalAnswerData,
  CanonicalAnswerEvent,
  CanonicalAnswerType,
  PartnerAnswer,
} from './partner-answer.types';

/** How one canonical data field is named in the partner's answer, and its code list if any. */
export interface FieldMapping {
  readonly name: string;
  /** Canonical code → partner code; every canonical code listed (tests check both ways). */
  readonly codes?: Readonly<Record<string, string>>;
}

/** The partner's words for one answer kind: its element and every canonical field but referralId. */
export interface AnswerKindWords<T extends CanonicalAnswerType> {
  readonly element: string;
  readonly fields: {
    readonly [K in Exclude<keyof CanonicalAnswerData[T], 'referralId'>]-?: FieldMapping;
  };
}

/** The partner's words for the answer header (ids, time, references). */
export interface AnswerHeaderWords {
  readonly messageId: string;
  readonly sentAt: string;
  readonly references: string;
  readonly dossier: string;
  readonly referral: string;
}

/**
 * A partner's answer contract in its own language, for every answer kind of `Types`. Answers of
 * all partners share one shape (a header and exactly one answer element), so one engine reads and
 * writes them; a partner whose real format differs gets its own translator instead.
 */
export interface AnswerVocabulary<Types extends CanonicalAnswerType> {
  readonly header: AnswerHeaderWords;
  readonly kinds: { readonly [T in Types]: AnswerKindWords<T> };
}

type Json = Record<string, unknown>;

/** Reads a validated answer document into canonical words. */
export function answerFromDocument<Types extends CanonicalAnswerType>(
  vocabulary: AnswerVocabulary<Types>,
  document: Json,
): PartnerAnswer {
  const { header } = vocabulary;
  const references = document[header.references] as Json;
  const referralId = String(references[header.referral]);
  const entries = Object.entries(vocabulary.kinds) as [Types, AnswerKindWords<Types>][];
  const found = entries.find(([, words]) => Object.hasOwn(document, words.element));
  if (!found) throw invalidAnswer('', 'holds none of the answers the contract lists');
  const [type, words] = found;
  const body = document[words.element] as Json;
  const data: Json = { referralId };
  for (const [field, mapping] of Object.entries(words.fields) as [string, FieldMapping][]) {
    data[field] = toCanonical(body[mapping.name], mapping, `/${words.element}/${mapping.name}`);
  }
  // The partner schema checked the document and the vocabulary maps every field of the kind, so
  // `data` is the canonical data (the vocabulary tests validate it against the canonical schema).
  return {
    answerId: String(document[header.messageId]),
    sentAt: String(document[header.sentAt]),
    dossierId: String(references[header.dossier]),
    referralId,
    event: {
      type,
      dataschema: `urn:rtw:schema:${type}:v1`,
      data,
    } as unknown as CanonicalAnswerEvent,
  };
}

/** Writes a canonical answer as the partner's answer document (validated by the caller). */
export function documentFromAnswer<Types extends CanonicalAnswerType>(
  vocabulary: AnswerVocabulary<Types>,
  answer: PartnerAnswer,
): Json {
  const { header } = vocabulary;
  const type = answer.event.type as Types;
  if (!Object.hasOwn(vocabulary.kinds, type)) {
    throw new PartnerError({
      code: 'PARTNER_INPUT_INVALID',
      message: `this partner does not answer with ${answer.event.type}`,
      details: { type: answer.event.type },
    });
  }
  const words: AnswerKindWords<Types> = vocabulary.kinds[type];
  const data = answer.event.data as unknown as Json;
  const body: Json = {};
  for (const [field, mapping] of Object.entries(words.fields) as [string, FieldMapping][]) {
    if (data[field] !== undefined) body[mapping.name] = toPartner(data[field], mapping);
  }
  return {
    [header.messageId]: answer.answerId,
    [header.sentAt]: answer.sentAt,
    [header.references]: {
      [header.dossier]: answer.dossierId,
      [header.referral]: answer.referralId,
    },
    [words.element]: body,
  };
}

function toCanonical(value: unknown, mapping: FieldMapping, pointer: string): unknown {
  if (mapping.codes === undefined) return value;
  const canonical = Object.entries(mapping.codes).find(([, code]) => code === value)?.[0];
  if (canonical === undefined) throw invalidAnswer(pointer, 'holds a code the mapping lacks');
  return canonical;
}

function toPartner(value: unknown, mapping: FieldMapping): unknown {
  if (mapping.codes === undefined) return value;
  const code = Object.hasOwn(mapping.codes, String(value))
    ? mapping.codes[String(value)]
    : undefined;
  if (code === undefined) {
    throw new PartnerError({
      code: 'PARTNER_INPUT_INVALID',
      message: `canonical code has no ${mapping.name} in this partner's code list`,
      details: { field: mapping.name },
    });
  }
  return code;
}

function invalidAnswer(pointer: string, reason: string): PartnerError {
  return new PartnerError({
    code: 'PARTNER_DOCUMENT_INVALID',
    message: `answer ${reason}`,
    pointer,
  });
}

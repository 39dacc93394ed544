import {
  IngressError,
  SubmissionService,
  parseStrictJsonBytes,
  withDatabase,
  type EventFacts,
  type ItemOutcome,
  type Organisation,
  type Refusal,
} from '@rtw/ingress';
import {
  PartnerError,
  isPartnerCode,
  partnerMediaType,
  type PartnerCode,
  type PartnerContracts,
  type PartnerMediaType,
  type TranslatedAnswer,
} from '@rtw/partners';
import type { DossierFacts, DossierRegisters, PartnerRef } from '@rtw/registers';
import { answerStandingRefusal } from './answer-standing.check';
import { answerEvent, answerEventId } from './partner-answer.event';
import { refusalOfPartnerError } from './partner-error.refusal';

const UNKNOWN_DOSSIER: Refusal = {
  code: 'DOSSIER_UNKNOWN',
  message: 'the hub has no dossier with this id',
};

/** The registers' reads an answer needs (the tracker's tables, ADR 0028). */
export type AnswerRegisters = Pick<
  DossierRegisters,
  'dossierFactsOf' | 'relationsOf' | 'mayExchange'
>;

/** An answer document as it came in: its bytes and its Content-Type. */
export interface AnswerDocument {
  readonly body: Buffer;
  readonly contentType: string | undefined;
}

/** What became of an answer: the submission outcome, and what the answer said it was. */
export interface PartnerAnswerOutcome {
  readonly outcome: ItemOutcome;
  /** The partner's own id of the answer, and the canonical event type it became. */
  readonly answerId: string;
  readonly type: string;
}

/**
 * Partner answers in the partner's own format and language (ADR 0070): read safely and checked
 * against the partner's answer contract (@rtw/partners), checked against the registers (link,
 * referral, consent, competence, known dossier), turned into the canonical event, and submitted
 * through the same judge and durable path as every event (`SubmissionService`). Framework-free;
 * the controller hands it the authenticated organisation and the body.
 */
export class PartnerAnswerService {
  constructor(
    private readonly parts: {
      readonly contracts: PartnerContracts;
      readonly registers: AnswerRegisters;
      readonly submissions: SubmissionService;
    },
  ) {}

  /**
   * The answer contract of an organisation: a CPMT answers in the CPMT contract, a regional
   * service in its own; any other caller has none (PARTNER_ANSWER_NOT_ALLOWED).
   */
  contractOf(organisation: Organisation): PartnerCode {
    const code = organisation.kind === 'cpmt' ? 'cpmt' : organisation.code;
    if ((organisation.kind === 'cpmt' || organisation.kind === 'regional') && isPartnerCode(code))
      return code;
    throw new IngressError({
      code: 'PARTNER_ANSWER_NOT_ALLOWED',
      message: `an organisation of kind ${organisation.kind} has no answer contract with the hub`,
    });
  }

  /** The media type of an answer, or UNSUPPORTED_MEDIA_TYPE. */
  mediaTypeOf(contentType: string | undefined): PartnerMediaType {
    const mediaType = partnerMediaType(contentType ?? '');
    if (mediaType) return mediaType;
    throw new IngressError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'content-type must be application/xml or application/json (UTF-8)',
    });
  }

  /** Reads, checks and submits one answer; resolves once it is durably recorded or refused. */
  async receive(
    organisation: Organisation,
    document: AnswerDocument,
  ): Promise<PartnerAnswerOutcome> {
    const answer = this.translate(organisation, document);
    const dossierId = answer.dossierId.toLowerCase();
    const { registers, submissions } = this.parts;
    const dossier = await withDatabase(() => registers.dossierFactsOf(dossierId));
    const event = dossier ? answerEvent(organisation, answer, dossier.insurer) : undefined;
    const about = { answerId: answer.answerId, type: answer.event.type };
    // A re-sent answer gets the answer the first one got, even once its link has ended.
    const replay = event && (await submissions.resubmission(organisation, 'http', event));
    if (replay) return { outcome: replay, ...about };

    const refusal = await this.standingRefusal(organisation, answer, dossier);
    if (refusal || !event) {
      // The answer is refused as an event (audited with its id, type and dossier), not as a
      // request: it was read and understood, only not allowed.
      const facts: EventFacts = {
        id: answerEventId(organisation.source, answer.answerId),
        type: answer.event.type,
        dossierId,
      };
      const refused = refusal ?? UNKNOWN_DOSSIER;
      await submissions.refuse(organisation, 'http', facts, refused);
      return { outcome: { outcome: 'rejected', facts, refusal: refused }, ...about };
    }
    const [outcome] = await submissions.submit(organisation, 'http', [event]);
    return { outcome: outcome!, ...about };
  }

  private translate(organisation: Organisation, document: AnswerDocument): TranslatedAnswer {
    const partner = this.contractOf(organisation);
    const mediaType = this.mediaTypeOf(document.contentType);
    // The gateway's strict JSON reading first (duplicate keys, __proto__, depth: ADR 0025); the
    // partner lib reads JSON with JSON.parse, which keeps the last of two duplicate keys.
    if (mediaType === 'application/json') parseStrictJsonBytes(document.body);
    try {
      return this.parts.contracts.translateAnswer(partner, {
        body: document.body,
        contentType: mediaType,
      });
    } catch (error) {
      if (error instanceof PartnerError) throw refusalOfPartnerError(error, mediaType);
      throw error;
    }
  }

  private async standingRefusal(
    organisation: Organisation,
    answer: TranslatedAnswer,
    dossier: DossierFacts | undefined,
  ): Promise<Refusal | undefined> {
    const partner: PartnerRef = {
      kind: organisation.kind as PartnerRef['kind'],
      code: organisation.code,
    };
    const dossierId = answer.dossierId.toLowerCase();
    const { registers } = this.parts;
    const [relations, exchange] = await withDatabase(() =>
      Promise.all([
        registers.relationsOf(dossierId),
        registers.mayExchange(dossierId, partner, { referralId: answer.referralId }),
      ]),
    );
    return answerStandingRefusal({
      partner,
      referralId: answer.referralId,
      relations,
      exchange,
      dossier,
    });
  }
}

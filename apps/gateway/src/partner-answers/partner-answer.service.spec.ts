import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ContractRegistry, locateSchemasDir } from '@rtw/contracts';
import {
  EventJudge,
  IngressError,
  PublishAuthoriser,
  SubmissionService,
  type Organisation,
} from '@rtw/ingress';
import { PartnerContracts, type PartnerAnswer, type PartnerMediaType } from '@rtw/partners';
import { InMemoryAnswerRegisters, InMemorySubmissionStore } from '../testing/partner-answer.fakes';
import { answerEventId } from './partner-answer.event';
import { PartnerAnswerService } from './partner-answer.service';

const organisation = (kind: Organisation['kind'], code: string): Organisation => ({
  id: `${kind}:${code}`,
  kind,
  code,
  source: `urn:rtw:org:${kind}:${code}`,
  certificateFingerprints: [],
});
const actiris = organisation('regional', 'actiris');
const forem = organisation('regional', 'forem');
const cpmt = organisation('cpmt', '0403170701');
const brussels = { postalCode: '1050' };

const invalidExample = (file: string) =>
  readFileSync(join(locateSchemasDir(), 'partners', 'actiris', 'examples', 'invalid', file));

describe('partner answers in their own format', () => {
  let contracts: PartnerContracts;
  let registers: InMemoryAnswerRegisters;
  let store: InMemorySubmissionStore;
  let service: PartnerAnswerService;
  const registry = ContractRegistry.load();

  beforeAll(async () => {
    contracts = await PartnerContracts.load();
  });
  afterAll(() => contracts.dispose());
  beforeEach(() => {
    registers = new InMemoryAnswerRegisters();
    store = new InMemorySubmissionStore();
    service = new PartnerAnswerService({
      contracts,
      registers,
      submissions: new SubmissionService(
        new EventJudge(registry, new PublishAuthoriser(registers)),
        store,
      ),
    });
  });

  /** A dossier of insurer 300 living in Brussels, referred to `partner` under REF-1. */
  function referred(partner: Organisation, residence = brussels) {
    const dossierId = randomUUID();
    registers
      .dossier({ dossierId, insurer: '300', residence })
      .link(dossierId, { kind: partner.kind as 'cpmt' | 'regional', code: partner.code }, 'REF-1');
    return dossierId;
  }

  const acknowledged = (dossierId: string, answerId = 'ACT-ANS-1'): PartnerAnswer => ({
    answerId,
    sentAt: '2026-06-10T08:00:00+02:00',
    dossierId,
    referralId: 'REF-1',
    event: {
      type: 'be.rtw.regional.registration.acknowledged',
      dataschema: 'urn:rtw:schema:be.rtw.regional.registration.acknowledged:v1',
      data: { referralId: 'REF-1', serviceReference: 'ACT-778812', acknowledgedOn: '2026-06-09' },
    },
  });

  const document = (partner: string, answer: PartnerAnswer, mediaType: PartnerMediaType) => ({
    body: Buffer.from(contracts.buildAnswer(partner, answer, mediaType).body),
    contentType: mediaType,
  });

  const refusalCode = async (from: Organisation, doc: { body: Buffer; contentType: string }) => {
    try {
      const result = await service.receive(from, doc);
      return result.outcome.outcome === 'rejected' ? result.outcome.refusal.code : 'accepted';
    } catch (error) {
      if (error instanceof IngressError) return error.code;
      throw error;
    }
  };

  it.each<PartnerMediaType>(['application/xml', 'application/json'])(
    "turns Actiris's acknowledgement (%s) into the canonical event under Actiris's source, with the dossier's insurer",
    async (mediaType) => {
      const dossierId = referred(actiris);

      const result = await service.receive(
        actiris,
        document('actiris', acknowledged(dossierId), mediaType),
      );

      const id = answerEventId(actiris.source, 'ACT-ANS-1');
      expect(result).toEqual({
        outcome: {
          outcome: 'accepted',
          facts: { id, type: 'be.rtw.regional.registration.acknowledged', dossierId },
        },
        answerId: 'ACT-ANS-1',
        type: 'be.rtw.regional.registration.acknowledged',
      });
      expect(store.accepted).toEqual([
        {
          specversion: '1.0',
          id,
          source: 'urn:rtw:org:regional:actiris',
          type: 'be.rtw.regional.registration.acknowledged',
          subject: dossierId,
          time: '2026-06-10T08:00:00+02:00',
          datacontenttype: 'application/json',
          dataschema: 'urn:rtw:schema:be.rtw.regional.registration.acknowledged:v1',
          insurer: '300',
          data: {
            referralId: 'REF-1',
            serviceReference: 'ACT-778812',
            acknowledgedOn: '2026-06-09',
          },
        },
      ]);
      expect(registry.validateEvent(store.accepted[0]).ok).toBe(true);
    },
  );

  it("turns a CPMT's assessment into the canonical event, whatever the case of the dossier id", async () => {
    const dossierId = referred(cpmt, { postalCode: '9000' });
    const answer: PartnerAnswer = {
      answerId: 'CPMT-ANS-7',
      sentAt: '2026-07-01T10:00:00Z',
      dossierId: dossierId.toUpperCase(),
      referralId: 'REF-1',
      event: {
        type: 'be.rtw.cpmt.assessment.decided',
        dataschema: 'urn:rtw:schema:be.rtw.cpmt.assessment.decided:v1',
        data: { referralId: 'REF-1', decision: 'B', decidedOn: '2026-06-30' },
      },
    };

    const result = await service.receive(cpmt, document('cpmt', answer, 'application/json'));

    expect(result.outcome.outcome).toBe('accepted');
    expect(store.accepted[0]).toMatchObject({
      source: 'urn:rtw:org:cpmt:0403170701',
      subject: dossierId,
      type: 'be.rtw.cpmt.assessment.decided',
      data: { decision: 'B' },
    });
  });

  it('answers the same answer sent again as a duplicate, even once the referral has ended, and another content under the same id as a conflict', async () => {
    const dossierId = referred(actiris);
    const doc = document('actiris', acknowledged(dossierId), 'application/xml');
    await service.receive(actiris, doc);
    registers.endLinks(dossierId);

    const again = await service.receive(actiris, doc);
    const changed = acknowledged(dossierId);
    const other = await service.receive(
      actiris,
      document(
        'actiris',
        {
          ...changed,
          event: {
            ...changed.event,
            data: { ...changed.event.data, acknowledgedOn: '2026-06-08' },
          },
        } as PartnerAnswer,
        'application/json',
      ),
    );

    expect(again.outcome.outcome).toBe('duplicate');
    expect(other.outcome).toMatchObject({
      outcome: 'rejected',
      refusal: { code: 'IDEMPOTENCY_CONFLICT' },
    });
    expect(store.accepted).toHaveLength(1);
  });

  it.each([
    ['answer.truncated.xml', 'XML_MALFORMED'],
    ['answer.entity-bomb.xml', 'XML_DOCTYPE_FORBIDDEN'],
    ['answer.external-entity-file.xml', 'XML_DOCTYPE_FORBIDDEN'],
    ['answer.external-entity-http.xml', 'XML_DOCTYPE_FORBIDDEN'],
    ['answer.proto-element.xml', 'XML_FORBIDDEN_NAME'],
    ['answer.two-answers.xml', 'ANSWER_SCHEMA_INVALID'],
    ['answer.impossible-date.xml', 'ANSWER_SCHEMA_INVALID'],
    ['answer.forem-document.xml', 'ANSWER_UNEXPECTED_DOCUMENT'],
  ])('refuses the XML answer %s with %s and records nothing', async (file, code) => {
    expect(
      await refusalCode(actiris, { body: invalidExample(file), contentType: 'application/xml' }),
    ).toBe(code);
    expect([store.accepted, store.refused]).toEqual([[], []]);
  });

  it.each([
    ['answer.proto-key.json', 'JSON_FORBIDDEN_KEY'],
    ['answer.truncated.json.txt', 'MALFORMED_JSON'],
    ['answer.two-answers.json', 'ANSWER_SCHEMA_INVALID'],
    ['answer.unknown-reason.json', 'ANSWER_SCHEMA_INVALID'],
  ])('refuses the JSON answer %s with %s and records nothing', async (file, code) => {
    expect(
      await refusalCode(actiris, { body: invalidExample(file), contentType: 'application/json' }),
    ).toBe(code);
    expect(store.accepted).toEqual([]);
  });

  it('points at the field of the contract the answer breaks, without quoting it', async () => {
    const error = await service
      .receive(actiris, {
        body: invalidExample('answer.impossible-date.xml'),
        contentType: 'application/xml',
      })
      .catch((caught: unknown) => caught as IngressError);
    expect(error).toMatchObject({
      code: 'ANSWER_SCHEMA_INVALID',
      pointer: '/inscriptionConfirmee/date',
    });
    expect((error as IngressError).message).not.toContain('2026-02-30');
  });

  it('refuses a JSON answer with a duplicate key, which JSON.parse would silently accept', async () => {
    const dossierId = referred(actiris);
    const json = contracts.buildAnswer('actiris', acknowledged(dossierId), 'application/json').body;
    const duplicated = json.replace('"envoyeLe"', '"envoyeLe":"2026-06-11T08:00:00Z","envoyeLe"');
    expect(
      await refusalCode(actiris, {
        body: Buffer.from(duplicated),
        contentType: 'application/json',
      }),
    ).toBe('JSON_DUPLICATE_KEY');
  });

  it('refuses a format the partner does not answer in, and a media type that is no document at all', async () => {
    const dossierId = referred(forem);
    const asJson = Buffer.from(JSON.stringify({ not: 'an answer', dossierId }));
    expect(await refusalCode(forem, { body: asJson, contentType: 'application/json' })).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(() => service.mediaTypeOf('text/plain')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }),
    );
    expect(() => service.mediaTypeOf('application/xml; charset=iso-8859-1')).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }),
    );
  });

  it('takes answers only from partners with an answer contract', () => {
    for (const caller of [
      organisation('insurer', '100'),
      organisation('inami', 'inami'),
      organisation('support', 'hub-support'),
    ])
      expect(() => service.contractOf(caller)).toThrow(
        expect.objectContaining({ code: 'PARTNER_ANSWER_NOT_ALLOWED' }),
      );
    expect(service.contractOf(cpmt)).toBe('cpmt');
    expect(service.contractOf(forem)).toBe('forem');
  });

  it('refuses, and records as refused, an answer for a dossier not linked to the partner, another referral, an ended link, a withdrawn consent, an unknown dossier or a residence of another region', async () => {
    const notLinked = randomUUID();
    registers.dossier({ dossierId: notLinked, insurer: '100', residence: brussels });
    const otherReferral = referred(actiris);
    const ended = randomUUID();
    registers
      .dossier({ dossierId: ended, insurer: '100', residence: brussels })
      .link(ended, { kind: 'regional', code: 'actiris' }, 'REF-1', true);
    const withdrawn = referred(actiris);
    registers.withdrawConsent(withdrawn);
    const unknown = randomUUID();
    registers.link(unknown, { kind: 'regional', code: 'actiris' }, 'REF-1');
    const moved = referred(actiris, { postalCode: '9000' });

    const answer = (dossierId: string, referralId = 'REF-1') => {
      const base = acknowledged(dossierId);
      return document(
        'actiris',
        {
          ...base,
          referralId,
          event: { ...base.event, data: { ...base.event.data, referralId } },
        } as PartnerAnswer,
        'application/xml',
      );
    };
    const codes = [
      await refusalCode(actiris, answer(notLinked)),
      await refusalCode(actiris, answer(otherReferral, 'REF-2')),
      await refusalCode(actiris, answer(ended)),
      await refusalCode(actiris, answer(withdrawn)),
      await refusalCode(actiris, answer(unknown)),
      await refusalCode(actiris, answer(moved)),
    ];

    expect(codes).toEqual([
      'DOSSIER_NOT_REFERRED',
      'REFERRAL_UNKNOWN',
      'REFERRAL_ENDED',
      'CONSENT_NOT_IN_FORCE',
      'DOSSIER_UNKNOWN',
      'PARTNER_NOT_COMPETENT',
    ]);
    expect(store.accepted).toEqual([]);
    expect(store.refused.map((item) => item.verdict === 'refuse' && item.facts)).toEqual(
      [notLinked, otherReferral, ended, withdrawn, unknown, moved].map((dossierId) =>
        expect.objectContaining({ dossierId, type: 'be.rtw.regional.registration.acknowledged' }),
      ),
    );
  });

  it('lets ADG answer for the German-speaking municipalities, where Le Forem may not', async () => {
    const eupen = { postalCode: '4700', nisCode: '63023' };
    const adg = organisation('regional', 'adg');
    const forAdg = referred(adg, eupen);
    const forForem = referred(forem, eupen);
    const started = (dossierId: string): PartnerAnswer => ({
      answerId: `ANS-${dossierId.slice(0, 8)}`,
      sentAt: '2026-07-01T10:00:00+02:00',
      dossierId,
      referralId: 'REF-1',
      event: {
        type: 'be.rtw.regional.trajectory.started',
        dataschema: 'urn:rtw:schema:be.rtw.regional.trajectory.started:v1',
        data: { referralId: 'REF-1', startedOn: '2026-06-30' },
      },
    });

    expect(await refusalCode(adg, document('adg', started(forAdg), 'application/json'))).toBe(
      'accepted',
    );
    expect(await refusalCode(forem, document('forem', started(forForem), 'application/xml'))).toBe(
      'PARTNER_NOT_COMPETENT',
    );
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContractRegistry, locateSchemasDir } from '@rtw/contracts';
import { ADG_ANSWERS } from '../adg/adg-answer.vocabulary';
import { ACTIRIS_ANSWERS } from '../actiris/actiris-answer.vocabulary';
import { CPMT_ANSWERS } from '../cpmt/cpmt-answer.vocabulary';
import { FOREM_ANSWERS } from '../forem/forem-answer.vocabulary';
import { PartnerContracts } from '../partner-contracts';
import { PARTNER_CONTRACTS, type PartnerCode } from '../registry/partner-contracts.data';
import { partnerError } from '../testing/partner-error.expect';
import { VDAB_ANSWERS } from '../vdab/vdab-answer.vocabulary';
import type { AnswerVocabulary, FieldMapping } from './answer.vocabulary';
import type { CanonicalAnswerType } from './partner-answer.types';

const VOCABULARIES: ReadonlyArray<[PartnerCode, AnswerVocabulary<CanonicalAnswerType>]> = [
  ['actiris', ACTIRIS_ANSWERS as AnswerVocabulary<CanonicalAnswerType>],
  ['vdab', VDAB_ANSWERS as AnswerVocabulary<CanonicalAnswerType>],
  ['forem', FOREM_ANSWERS as AnswerVocabulary<CanonicalAnswerType>],
  ['adg', ADG_ANSWERS as AnswerVocabulary<CanonicalAnswerType>],
  ['cpmt', CPMT_ANSWERS as AnswerVocabulary<CanonicalAnswerType>],
];
const partnersDir = path.join(locateSchemasDir(), 'partners');
const registry = ContractRegistry.load();

type Schema = { properties?: Record<string, Schema>; enum?: string[] };

function partnerSchema(partner: PartnerCode): Schema {
  const file = path.join(partnersDir, PARTNER_CONTRACTS[partner].answer.schemaFile);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
}

function validAnswers(partner: PartnerCode): string[] {
  return fs
    .readdirSync(path.join(partnersDir, partner, 'examples', 'valid'))
    .filter((file) => file.startsWith('answer.'))
    .sort();
}

function received(partner: PartnerCode, file: string) {
  return {
    body: fs.readFileSync(path.join(partnersDir, partner, 'examples', 'valid', file)),
    contentType: file.endsWith('.xml') ? 'application/xml' : 'application/json',
  };
}

let contracts: PartnerContracts;
beforeAll(async () => {
  contracts = await PartnerContracts.load();
});
afterAll(() => contracts.dispose());

describe.each(VOCABULARIES)('the %s answer vocabulary', (partner, vocabulary) => {
  const kinds = Object.entries(vocabulary.kinds) as [
    CanonicalAnswerType,
    { element: string; fields: Record<string, FieldMapping> },
  ][];
  const coded = kinds.flatMap(([type, words]) =>
    Object.entries(words.fields)
      .filter(([, mapping]) => mapping.codes !== undefined)
      .map(
        ([field, mapping]) => [`${type} ${field}`, type, words.element, field, mapping] as const,
      ),
  );

  it.each(coded)('maps every code of %s, both ways', (_name, type, element, field, mapping) => {
    const canonical = registry.schemaOf(type, 1)?.schema as Schema;
    const partnerCodes =
      partnerSchema(partner).properties?.[element]?.properties?.[mapping.name]?.enum;
    expect(Object.keys(mapping.codes!).sort()).toEqual(
      [...(canonical.properties?.[field]?.enum ?? [])].sort(),
    );
    expect(Object.values(mapping.codes!).sort()).toEqual([...(partnerCodes ?? [])].sort());
  });

  it('names in the partner schema every element and field it maps', () => {
    const schema = partnerSchema(partner);
    for (const [, words] of kinds) {
      const element = schema.properties?.[words.element];
      expect(element).toBeDefined();
      for (const mapping of Object.values(words.fields)) {
        expect(element?.properties?.[mapping.name]).toBeDefined();
      }
    }
  });

  it.each(validAnswers(partner))(
    'turns %s into canonical data its contract accepts, and back',
    (file) => {
      const translated = contracts.translateAnswer(partner, received(partner, file));
      const validate = registry.validatorFor(translated.event.type, 1)!;
      expect(validate(translated.event.data) ? [] : validate.errors).toEqual([]);
      expect(translated.event.dataschema).toBe(`urn:rtw:schema:${translated.event.type}:v1`);
      expect(translated).toMatchObject({
        partner,
        dossierId: '3f6c2a1e-8b4d-4c7a-9e21-5d0f7b3a6c18',
      });
      expect(translated.referralId).toBe(translated.event.data.referralId);

      const mediaType = file.endsWith('.xml') ? 'application/xml' : 'application/json';
      const rebuilt = contracts.buildAnswer(partner, translated, mediaType);
      expect(
        contracts.translateAnswer(partner, { body: rebuilt.body, contentType: mediaType }),
      ).toEqual(translated);
    },
  );
});

describe('partner answers', () => {
  it.each([
    [
      'registration acknowledged',
      'acknowledged',
      'be.rtw.regional.registration.acknowledged',
      { serviceReference: 'ACT-2026-778812', acknowledgedOn: '2026-06-09' },
    ],
    [
      'registration refused',
      'rejected',
      'be.rtw.regional.registration.rejected',
      { reason: 'not-competent', rejectedOn: '2026-06-09' },
    ],
    [
      'insured presented',
      'presented',
      'be.rtw.regional.insured.presented',
      { presentedOn: '2026-07-01' },
    ],
    [
      'trajectory started',
      'started',
      'be.rtw.regional.trajectory.started',
      { startedOn: '2026-07-15' },
    ],
    [
      'trajectory ended',
      'ended',
      'be.rtw.regional.trajectory.ended',
      { endedOn: '2026-12-18', outcome: 'employed' },
    ],
  ])('read an Actiris "%s" the same from XML and from JSON', (_name, kind, type, data) => {
    const fromXml = contracts.translateAnswer(
      'actiris',
      received('actiris', `answer.v1.${kind}.xml`),
    );
    const fromJson = contracts.translateAnswer(
      'actiris',
      received('actiris', `answer.v1.${kind}.json`),
    );
    expect(fromXml).toEqual(fromJson);
    expect(fromXml.event).toEqual({
      type,
      dataschema: `urn:rtw:schema:${type}:v1`,
      data: { referralId: 'REF-ACT-0042', ...data },
    });
  });

  it('refuse to write an answer the partner does not give', () => {
    const cpmt = contracts.translateAnswer('cpmt', received('cpmt', 'answer.v1.accepted.json'));
    const error = partnerError(() => contracts.buildAnswer('vdab', cpmt));
    expect(error).toMatchObject({
      code: 'PARTNER_INPUT_INVALID',
      details: { type: 'be.rtw.cpmt.referral.accepted' },
    });
  });

  it('refuse an answer from a partner the hub does not know', () => {
    const error = partnerError(() =>
      contracts.translateAnswer('constructor', received('vdab', 'answer.v1.started.json')),
    );
    expect(error.code).toBe('PARTNER_UNKNOWN');
  });

  it('refuse VDAB’s answer when ADG sends it: each partner answers in its own contract', () => {
    const error = partnerError(() =>
      contracts.translateAnswer('adg', received('vdab', 'answer.v1.started.json')),
    );
    expect(error).toMatchObject({ code: 'PARTNER_DOCUMENT_INVALID' });
  });

  it('refuse a JSON answer over the size limit before parsing it', async () => {
    const small = await PartnerContracts.load({ maxDocumentBytes: 200 });
    try {
      const error = partnerError(() =>
        small.translateAnswer('vdab', received('vdab', 'answer.v1.ended.json')),
      );
      expect(error).toMatchObject({ code: 'PARTNER_DOCUMENT_TOO_LARGE' });
      const xml = partnerError(() =>
        small.translateAnswer('actiris', received('actiris', 'answer.v1.ended.xml')),
      );
      expect(xml).toMatchObject({ code: 'PARTNER_DOCUMENT_TOO_LARGE' });
    } finally {
      await small.dispose();
    }
  });

  it('refuse a media type the contract does not take, or a charset other than UTF-8', () => {
    const body = received('vdab', 'answer.v1.ended.json').body;
    expect(
      partnerError(() => contracts.translateAnswer('vdab', { body, contentType: 'text/plain' }))
        .code,
    ).toBe('PARTNER_MEDIA_TYPE_UNSUPPORTED');
    expect(
      partnerError(() =>
        contracts.translateAnswer('vdab', {
          body,
          contentType: 'application/json; charset=iso-8859-1',
        }),
      ).code,
    ).toBe('PARTNER_MEDIA_TYPE_UNSUPPORTED');
  });

  it('never repeat a value of the document in an error', () => {
    const body = fs.readFileSync(
      path.join(partnersDir, 'actiris', 'examples', 'invalid', 'answer.impossible-date.xml'),
    );
    const error = partnerError(() =>
      contracts.translateAnswer('actiris', { body, contentType: 'application/xml' }),
    );
    expect(error.pointer).toBe('/inscriptionConfirmee/date');
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain('2026-02-30');
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain('ACT-2026-778812');
  });
});

import { PartnerError } from '../errors/partner.error';
import { InamiDatasetContract } from './inami-dataset.contract';

describe("INAMI's dataset contract", () => {
  let contract: InamiDatasetContract;

  beforeAll(async () => {
    contract = await InamiDatasetContract.load();
  });

  afterAll(() => contract?.dispose());

  function codeOf(body: string, contentType: 'application/xml' | 'application/json', max?: number) {
    try {
      contract.check({ body: Buffer.from(body), contentType }, max);
      return 'valid';
    } catch (error) {
      return error instanceof PartnerError ? error.code : 'other';
    }
  }

  it.each([
    ['a document that is not XML', '<evaluationDataset', 'PARTNER_DOCUMENT_MALFORMED'],
    [
      'a document type declaration (entities)',
      '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
      'PARTNER_DOCUMENT_FORBIDDEN',
    ],
    [
      'an empty dataset without its parts',
      '<evaluationDataset xmlns="urn:rtw:partner:inami:evaluation-dataset:v1"/>',
      'PARTNER_DOCUMENT_INVALID',
    ],
    [
      'another document',
      '<fia xmlns="urn:rtw:partner:actiris:fia:v1"/>',
      'PARTNER_DOCUMENT_INVALID',
    ],
  ])('refuses %s as XML', (_name, body, code) => {
    expect(codeOf(body, 'application/xml')).toBe(code);
  });

  it('refuses JSON that is not JSON, or not the dataset', () => {
    expect(codeOf('{', 'application/json')).toBe('PARTNER_DOCUMENT_MALFORMED');
    expect(codeOf('{"insurer":"100"}', 'application/json')).toBe('PARTNER_DOCUMENT_INVALID');
  });

  it('refuses a document above the size it was given', () => {
    expect(codeOf(`<a>${'x'.repeat(2048)}</a>`, 'application/xml', 1024)).toBe(
      'PARTNER_DOCUMENT_TOO_LARGE',
    );
  });
});

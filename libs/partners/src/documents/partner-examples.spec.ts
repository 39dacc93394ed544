import * as fs from 'node:fs';
import * as path from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import { PartnerError } from '../errors/partner.error';
import { PartnerContracts } from '../partner-contracts';
import {
  PARTNER_CODES,
  PARTNER_CONTRACTS,
  type PartnerCode,
} from '../registry/partner-contracts.data';

// Every committed example of every partner contract goes through the same path as a real
// document: the valid ones are accepted, each invalid one fails with the code and pointer its
// folder's expectations.json records.
const partnersDir = path.join(locateSchemasDir(), 'partners');

interface Expectation {
  document: 'message' | 'answer';
  code: string;
  pointer: string;
}

/** Reads an example as it would arrive; `*.content.json` files are content in object form. */
function check(
  partner: PartnerCode,
  file: string,
  body: Buffer,
  document: 'message' | 'answer',
): unknown {
  const contentType = contentTypeOf(file);
  const contract = PARTNER_CONTRACTS[partner][document];
  if (
    contentType === 'application/json' &&
    !contract.mediaTypes.includes('application/json') &&
    !file.startsWith('answer.as-')
  ) {
    const content: unknown = JSON.parse(body.toString('utf8'));
    contracts.checkContent(partner, document, content);
    return content;
  }
  const received = { body, contentType: contentTypeOf(file) };
  return document === 'answer'
    ? contracts.translateAnswer(partner, received)
    : contracts.readMessage(partner, received).content;
}

function contentTypeOf(file: string): string {
  const name = file.replace(/\.txt$/, '');
  return name.endsWith('.xml') ? 'application/xml' : 'application/json';
}

function examples(partner: string, kind: 'valid' | 'invalid'): string[] {
  const dir = path.join(partnersDir, partner, 'examples', kind);
  return fs
    .readdirSync(dir)
    .filter((file) => file !== 'expectations.json')
    .sort();
}

function read(partner: string, kind: 'valid' | 'invalid', file: string): Buffer {
  return fs.readFileSync(path.join(partnersDir, partner, 'examples', kind, file));
}

let contracts: PartnerContracts;
beforeAll(async () => {
  contracts = await PartnerContracts.load();
});
afterAll(() => contracts.dispose());

describe.each(PARTNER_CODES)('the %s examples', (partner) => {
  const valid = examples(partner, 'valid');
  const expectations = JSON.parse(
    read(partner, 'invalid', 'expectations.json').toString('utf8'),
  ) as Record<string, Expectation>;

  it('include a message and at least one answer', () => {
    const contract = PARTNER_CONTRACTS[partner];
    const stem = (file: string) =>
      contract.message.schemaFile.endsWith(`/${file.split('.')[0]}.v1.schema.json`);
    expect(valid.some(stem)).toBe(true);
    expect(valid.some((file) => file.startsWith('answer.'))).toBe(true);
  });

  it.each(valid)('accepts %s', (file) => {
    const document = file.startsWith('answer.') ? 'answer' : 'message';
    expect(check(partner, file, read(partner, 'valid', file), document)).toBeDefined();
  });

  it.each(valid.filter((file) => !file.startsWith('answer.') && !file.endsWith('.content.json')))(
    'reads the ids and references of %s for the sandbox',
    (file) => {
      const message = contracts.readMessage(partner, {
        body: read(partner, 'valid', file),
        contentType: contentTypeOf(file),
      });
      expect(message).toMatchObject({
        partner,
        dossierId: '3f6c2a1e-8b4d-4c7a-9e21-5d0f7b3a6c18',
        messageId: expect.stringMatching(/^MSG-/),
        referralId: expect.stringMatching(/^REF-/),
      });
    },
  );

  it('has an expectation for every invalid example and a file for every expectation', () => {
    expect(examples(partner, 'invalid')).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('refuses %s', (file, expected) => {
    let error: unknown;
    try {
      check(partner, file, read(partner, 'invalid', file), expected.document);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PartnerError);
    const { code, pointer } = error as PartnerError;
    expect({ code, pointer: pointer ?? '' }).toEqual({
      code: expected.code,
      pointer: expected.pointer,
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import { PartnerContracts } from '@rtw/partners';
import { JsonSchemaPartnerContracts } from './json-schema.partner-contracts';
import { xmlContentValidator } from './xml.partner-contracts';

const partners = join(locateSchemasDir(), 'partners');
const example = (path: string) => readFileSync(join(partners, 'actiris', 'examples', path));
const FIA = 'urn:rtw:partner:actiris:fia:v1';

describe('delivery checks XML partner documents with the partner contracts', () => {
  let documents: PartnerContracts;
  let contracts: JsonSchemaPartnerContracts;

  beforeAll(async () => {
    documents = await PartnerContracts.load();
    contracts = new JsonSchemaPartnerContracts([partners], xmlContentValidator(documents));
  });
  afterAll(() => documents.dispose());

  it('accepts an FIA valid against its XSD and content schema', () => {
    expect(contracts.validate(FIA, 'application/xml', example('valid/fia.v1.xml'))).toEqual({
      ok: true,
    });
  });

  it('refuses an FIA that breaks its contract, naming where', () => {
    expect(
      contracts.validate(FIA, 'application/xml', example('invalid/fia.bad-niss-check-digits.xml')),
    ).toEqual({
      ok: false,
      code: 'CONTRACT_VIOLATION',
      pointer: '/personne/niss',
      message: 'the body breaks its contract (PARTNER_DOCUMENT_INVALID)',
    });
  });

  it('refuses an XML body whose contract is not an XML partner message', () => {
    expect(
      contracts.validate('urn:rtw:partner:nobody:v1', 'application/xml', Buffer.from('<a/>')),
    ).toMatchObject({ ok: false, code: 'CONTRACT_UNKNOWN' });
  });
});

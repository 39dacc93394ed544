import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonSchemaPartnerContracts } from './json-schema.partner-contracts';

function contractsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rtw-partner-contracts-'));
  mkdirSync(join(dir, 'actiris'));
  writeFileSync(
    join(dir, 'actiris', 'fia.schema.json'),
    JSON.stringify({
      $id: 'urn:rtw:partner:actiris:fia-json:v1',
      type: 'object',
      required: ['referralId'],
      properties: { referralId: { type: 'string' } },
      additionalProperties: false,
    }),
  );
  writeFileSync(join(dir, 'README.md'), 'not a schema');
  return dir;
}

const body = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('JsonSchemaPartnerContracts', () => {
  const contracts = new JsonSchemaPartnerContracts([contractsFolder()]);
  const ID = 'urn:rtw:partner:actiris:fia-json:v1';

  it('finds schemas by $id in nested folders and accepts a body that meets one', () => {
    expect(contracts.contracts()).toEqual([ID]);
    expect(contracts.validate(ID, 'application/json', body({ referralId: 'R-1' }))).toEqual({
      ok: true,
    });
  });

  it('refuses a body that breaks the contract, with the pointer and never the value', () => {
    expect(contracts.validate(ID, 'application/json', body({ referralId: 7 }))).toEqual({
      ok: false,
      code: 'CONTRACT_VIOLATION',
      pointer: '/referralId',
      message: 'the body breaks its contract (type)',
    });
  });

  it('refuses unknown contracts, bodies that are not JSON, and XML without an XML validator', () => {
    expect(contracts.validate('urn:nope', 'application/json', body({}))).toMatchObject({
      code: 'CONTRACT_UNKNOWN',
    });
    expect(contracts.validate(ID, 'application/json', Buffer.from('{'))).toMatchObject({
      code: 'CONTRACT_BODY_UNREADABLE',
    });
    expect(contracts.validate(ID, 'application/xml', Buffer.from('<fia/>'))).toMatchObject({
      code: 'CONTRACT_UNKNOWN',
    });
  });

  it('hands XML to the injected validator', () => {
    const withXml = new JsonSchemaPartnerContracts([], (contract) =>
      contract === 'urn:xsd:fia' ? { ok: true } : undefined,
    );
    expect(withXml.validate('urn:xsd:fia', 'application/xml', Buffer.from('<fia/>'))).toEqual({
      ok: true,
    });
    expect(withXml.validate('urn:xsd:other', 'application/xml', Buffer.from('<x/>'))).toMatchObject(
      { code: 'CONTRACT_UNKNOWN' },
    );
  });
});

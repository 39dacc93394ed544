import * as fs from 'node:fs';
import * as path from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import { REGIONAL_SERVICES } from '@rtw/domain';
import { PARTNER_CODES, PARTNER_CONTRACTS, isPartnerCode } from './partner-contracts.data';

const partnersDir = path.join(locateSchemasDir(), 'partners');
const documents = PARTNER_CODES.flatMap((partner) =>
  (['message', 'answer'] as const).map(
    (kind) => [`${partner} ${kind}`, PARTNER_CONTRACTS[partner][kind]] as const,
  ),
);

describe('PARTNER_CONTRACTS', () => {
  it.each(documents)('points the %s at a schema whose $id is its schemaId', (_name, contract) => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(partnersDir, contract.schemaFile), 'utf8'),
    ) as { $id: string };
    expect(schema.$id).toBe(contract.schemaId);
  });

  it.each(documents)('gives the %s an XSD exactly when it travels as XML', (_name, contract) => {
    const travelsAsXml = contract.mediaTypes.includes('application/xml');
    expect(contract.xsdFile !== undefined && contract.xmlRoot !== undefined).toBe(travelsAsXml);
    if (contract.xsdFile) {
      const xsd = fs.readFileSync(path.join(partnersDir, contract.xsdFile), 'utf8');
      expect(xsd).toContain(`targetNamespace="${contract.schemaId}"`);
      expect(xsd).toContain(`<xs:element name="${contract.xmlRoot}">`);
    }
  });

  it.each(['actiris', 'vdab', 'forem', 'adg'] as const)(
    'contacts the insured of %s in the languages the domain lists for the service',
    (service) => {
      expect(PARTNER_CONTRACTS[service].contactLanguages).toEqual(
        REGIONAL_SERVICES[service].languages,
      );
    },
  );

  it('has a README for every partner', () => {
    for (const partner of PARTNER_CODES) {
      expect(fs.existsSync(path.join(partnersDir, partner, 'README.md'))).toBe(true);
    }
  });

  it('knows partner codes as own keys only', () => {
    expect(isPartnerCode('vdab')).toBe(true);
    expect(isPartnerCode('toString')).toBe(false);
    expect(isPartnerCode('inami')).toBe(false);
  });
});

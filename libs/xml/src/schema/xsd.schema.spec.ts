import { generateNiss } from '@rtw/testing';
import { XmlError } from '../errors/xml.error';
import { XsdSchemaCache } from './xsd-schema.cache';
import { XsdSchema } from './xsd.schema';

const XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t"
  xmlns="urn:t" elementFormDefault="qualified">
  <xs:element name="form">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="niss" type="niss"/>
        <xs:element name="birthDate" type="xs:date"/>
        <xs:element name="address">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="postalCode" type="xs:string"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="version" type="xs:string" use="required"/>
    </xs:complexType>
  </xs:element>
  <xs:simpleType name="niss">
    <xs:restriction base="xs:string"><xs:pattern value="[0-9]{11}"/></xs:restriction>
  </xs:simpleType>
</xs:schema>`;

const niss = generateNiss();
const form = (birthDate: string, address = '<address><postalCode>1000</postalCode></address>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<form xmlns="urn:t" version="1">\n  <niss>${niss}</niss>\n  <birthDate>${birthDate}</birthDate>\n  ${address}\n</form>`;

function refusal(run: () => unknown): XmlError {
  try {
    run();
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('XsdSchema', () => {
  let schema: XsdSchema;
  beforeAll(async () => {
    schema = await XsdSchema.compile({ name: 'test/form.xsd', xsd: XSD });
  });
  afterAll(() => schema.dispose());

  it('accepts a valid document, as text or as bytes', () => {
    expect(schema.validate(form('1985-07-30'))).toBeUndefined();
    expect(schema.validate(Buffer.from(form('1985-07-30')))).toBeUndefined();
  });

  it('refuses an invalid value with the line and element path, without the value', () => {
    const error = refusal(() => schema.validate(form('1985-13-45')));
    expect(error).toMatchObject({ code: 'XML_SCHEMA_INVALID', line: 4, path: '/form/birthDate' });
    expect(error.details).toMatchObject({ schema: 'test/form.xsd', violation: 'invalid-value' });
    expect(error.message).not.toContain('1985-13-45');
  });

  it('names an unexpected element by its path', () => {
    const error = refusal(() =>
      schema.validate(form('1985-07-30', `<address><street>${niss}</street></address>`)),
    );
    expect(error).toMatchObject({ code: 'XML_SCHEMA_INVALID', path: '/form/address/street' });
    expect(error.details).toMatchObject({ violation: 'unexpected-element' });
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(niss);
  });

  it('redacts an element name that could be data', () => {
    const error = refusal(() =>
      schema.validate(form('1985-07-30', `<address><n${niss}/></address>`)),
    );
    expect(error.path).toBe('/form/address/(redacted)');
    expect(error.message).not.toContain(niss);
  });

  it.each([
    ['a missing element', form('1985-07-30', ''), 'missing-element'],
    ['an unknown root', '<other xmlns="urn:t"/>', 'unknown-root'],
    ['a missing attribute', form('1985-07-30').replace(' version="1"', ''), 'missing-attribute'],
    ['a foreign namespace', form('1985-07-30').replace('urn:t', 'urn:other'), 'unknown-root'],
  ])('refuses %s', (_what, xml, violation) => {
    const error = refusal(() => schema.validate(xml));
    expect(error.code).toBe('XML_SCHEMA_INVALID');
    expect(error.details).toMatchObject({ violation });
  });

  it('refuses a document that is not well-formed, with its line', () => {
    const error = refusal(() => schema.validate('<form xmlns="urn:t">\n<niss></form>'));
    expect(error).toMatchObject({ code: 'XML_MALFORMED', line: 2 });
  });

  it('refuses a duplicate attribute as malformed', () => {
    expect(refusal(() => schema.validate('<form xmlns="urn:t" a="1" a="2"/>')).code).toBe(
      'XML_MALFORMED',
    );
  });

  it.each([
    ['an entity bomb', '<!DOCTYPE form [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]><form/>'],
    ['an external entity', '<!DOCTYPE form [<!ENTITY x SYSTEM "file:///etc/passwd">]><form/>'],
  ])('refuses %s before libxml2 sees it', (_what, xml) => {
    expect(refusal(() => schema.validate(xml)).code).toBe('XML_DOCTYPE_FORBIDDEN');
  });

  it('refuses an oversized document before parsing it', () => {
    const error = refusal(() => schema.validate(form('1985-07-30'), { maxBytes: 64 }));
    expect(error.code).toBe('XML_TOO_LARGE');
  });

  it('refuses to compile a schema that is not an XSD', async () => {
    await expect(XsdSchema.compile({ name: 'broken.xsd', xsd: '<notaschema/>' })).rejects.toEqual(
      expect.objectContaining({ code: 'XML_SCHEMA_UNUSABLE' }),
    );
  });
});

describe('XsdSchemaCache', () => {
  it('compiles each named schema once and shares it', async () => {
    const cache = new XsdSchemaCache();
    let loads = 0;
    const load = () => {
      loads++;
      return XSD;
    };
    const [a, b] = await Promise.all([cache.get('form', load), cache.get('form', load)]);
    const c = await cache.get('form', load);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(loads).toBe(1);
    await cache.dispose();
  });

  it('forgets a schema that failed to compile, so a fixed file is picked up', async () => {
    const cache = new XsdSchemaCache();
    await expect(cache.get('form', () => '<broken/>')).rejects.toBeInstanceOf(XmlError);
    await expect(cache.get('form', () => XSD)).resolves.toBeInstanceOf(XsdSchema);
    await cache.dispose();
  });
});

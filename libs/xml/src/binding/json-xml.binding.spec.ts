import { XmlError } from '../errors/xml.error';
import { parseXml } from '../parse/xml.parser';
import { serializeXml } from '../serialize/xml.serializer';
import { type BindingSchema, JsonXmlBinding } from './json-xml.binding';

const SCHEMA: BindingSchema = {
  type: 'object',
  properties: {
    reference: { type: 'string' },
    person: { $ref: '#/$defs/person' },
    consent: { type: 'boolean' },
    count: { type: 'integer' },
    phone: { type: 'array', items: { type: 'string' } },
  },
  $defs: {
    person: {
      type: 'object',
      properties: { lastName: { type: 'string' }, postalCode: { $ref: '#/$defs/code' } },
    },
    code: { type: 'string' },
  },
};
const binding = new JsonXmlBinding(SCHEMA);
const DOCUMENT = {
  reference: 'REF-1',
  person: { lastName: 'Peeters', postalCode: '0042' },
  consent: false,
  count: 3,
  phone: ['+32 2 555 01 01', '+32 2 555 01 02'],
};

function roundTrip(value: unknown): unknown {
  return binding.fromXml(
    parseXml(serializeXml(binding.toXml(value, 'doc'), { namespace: 'urn:t' })),
  );
}

describe('JsonXmlBinding', () => {
  it('writes properties in the schema order, whatever the order of the object keys', () => {
    const shuffled = { count: 3, consent: false, person: { postalCode: '0042', lastName: 'X' } };
    const names = binding.toXml(shuffled, 'doc').children?.map((c) => c.name);
    expect(names).toEqual(['person', 'consent', 'count']);
  });

  it('gives back the same JSON document after a trip through XML', () => {
    expect(roundTrip(DOCUMENT)).toEqual(DOCUMENT);
  });

  it('keeps leading zeros of strings and writes booleans and numbers as XSD text', () => {
    const xml = serializeXml(binding.toXml(DOCUMENT, 'doc'));
    expect(xml).toContain('<postalCode>0042</postalCode>');
    expect(xml).toContain('<consent>false</consent>');
    expect(xml).toContain('<count>3</count>');
  });

  it('reads 1 and 0 as XSD booleans', () => {
    expect(binding.fromXml(parseXml('<doc><consent>1</consent></doc>'))).toEqual({ consent: true });
  });

  it('leaves text that is not of the schema type as text, for validation to report', () => {
    expect(
      binding.fromXml(parseXml('<doc><consent>maybe</consent><count>3x</count></doc>')),
    ).toEqual({ consent: 'maybe', count: '3x' });
  });

  it('keeps an unknown element under its name and a repeated one as a list', () => {
    expect(
      binding.fromXml(
        parseXml('<doc><reference>a</reference><reference>b</reference><x>1</x></doc>'),
      ),
    ).toEqual({ reference: ['a', 'b'], x: '1' });
  });

  it('reads a single element of an array property as a one-item list', () => {
    expect(binding.fromXml(parseXml('<doc><phone>1</phone></doc>'))).toEqual({ phone: ['1'] });
  });

  it.each([
    ['a property the contract does not have', { reference: 'a', extra: 1 }],
    ['an object where text is expected', { reference: { nested: true } }],
    ['text where an object is expected', { person: 'Peeters' }],
    ['a number that is not finite', { count: Number.NaN }],
    ['a list that is not an array', { phone: '+32' }],
  ])('refuses to write %s', (_what, value) => {
    expect(() => binding.toXml(value, 'doc')).toThrow(XmlError);
  });

  it('refuses a reference outside the schema', () => {
    const remote = new JsonXmlBinding({ properties: { a: { $ref: 'urn:other#/x' } } });
    expect(() => remote.toXml({ a: 'x' }, 'doc')).toThrow(/no XML binding/);
  });
});

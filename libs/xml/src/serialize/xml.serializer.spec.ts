import { XmlError } from '../errors/xml.error';
import { parseXml } from '../parse/xml.parser';
import { serializeXml } from './xml.serializer';

const FORM = {
  name: 'fia',
  children: [
    { name: 'nom', text: `D'Hondt & <fils>` },
    { name: 'adresse', children: [{ name: 'codePostal', text: '1000' }] },
    { name: 'ligne', text: 'un' },
    { name: 'ligne', text: 'deux' },
    { name: 'vide' },
  ],
};

function refusal(run: () => unknown): XmlError {
  try {
    run();
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('serializeXml', () => {
  it('writes a UTF-8 document with the contract namespace on the root, always the same bytes', () => {
    const xml = serializeXml(FORM, { namespace: 'urn:rtw:partner:test:v1' });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<fia xmlns="urn:rtw:partner:test:v1">',
        "  <nom>D'Hondt &amp; &lt;fils&gt;</nom>",
        '  <adresse>',
        '    <codePostal>1000</codePostal>',
        '  </adresse>',
        '  <ligne>un</ligne>',
        '  <ligne>deux</ligne>',
        '  <vide/>',
        '</fia>',
      ].join('\n'),
    );
    expect(serializeXml(FORM, { namespace: 'urn:rtw:partner:test:v1' })).toBe(xml);
  });

  it('reads back what it wrote', () => {
    const root = parseXml(serializeXml(FORM, { namespace: 'urn:t' }));
    expect(root.namespace).toBe('urn:t');
    expect(root.children.map((c) => [c.localName, c.text])).toEqual([
      ['nom', `D'Hondt & <fils>`],
      ['adresse', ''],
      ['ligne', 'un'],
      ['ligne', 'deux'],
      ['vide', ''],
    ]);
  });

  it('escapes attribute values', () => {
    expect(serializeXml({ name: 'r', attributes: { a: '"<&>' } })).toContain(
      '<r a="&quot;&lt;&amp;>"/>',
    );
  });

  it('refuses a character XML 1.0 cannot carry', () => {
    const error = refusal(() => serializeXml({ name: 'r', text: 'bell\u0007' }));
    expect(error.code).toBe('XML_NOT_SERIALISABLE');
  });

  it.each(['__proto__', 'constructor', 'p:prototype', '1abc', 'a b', '$text'])(
    'refuses the element name %p',
    (name) => {
      expect(refusal(() => serializeXml({ name: 'r', children: [{ name }] })).code).toBe(
        'XML_NOT_SERIALISABLE',
      );
    },
  );

  it('writes elements named like Object methods', () => {
    const xml = serializeXml({ name: 'r', children: [{ name: 'toString', text: 'x' }] });
    expect(xml).toContain('<toString>x</toString>');
  });

  it('refuses children of one name that are not one after the other', () => {
    const error = refusal(() =>
      serializeXml({ name: 'r', children: [{ name: 'a' }, { name: 'b' }, { name: 'a' }] }),
    );
    expect(error.code).toBe('XML_NOT_SERIALISABLE');
  });

  it('refuses an element with both text and children', () => {
    const error = refusal(() =>
      serializeXml({ name: 'r', text: 'x', children: [{ name: 'a', text: 'y' }] }),
    );
    expect(error.code).toBe('XML_NOT_SERIALISABLE');
  });
});

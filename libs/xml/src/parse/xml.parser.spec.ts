import { generateNiss } from '@rtw/testing';
import { XmlError } from '../errors/xml.error';
import { parseXml } from './xml.parser';

function refusal(input: Uint8Array | string, limits?: Parameters<typeof parseXml>[1]): XmlError {
  try {
    parseXml(input, limits);
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<lolz>&lol9;</lolz>`;

describe('parseXml', () => {
  it('reads names, namespaces, attributes and text with entities and CDATA resolved', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<fia xmlns="urn:t" xmlns:x="urn:x" version="1" x:flag="on">' +
        '<nom>D&apos;Hondt &amp; fils</nom><x:note><![CDATA[<b>]]></x:note><vide/></fia>',
    );
    expect(root).toMatchObject({ name: 'fia', localName: 'fia', namespace: 'urn:t', text: '' });
    expect({ ...root.attributes }).toEqual({ version: '1', 'x:flag': 'on' });
    expect(root.children.map((c) => [c.name, c.localName, c.namespace, c.text])).toEqual([
      ['nom', 'nom', 'urn:t', "D'Hondt & fils"],
      ['x:note', 'note', 'urn:x', '<b>'],
      ['vide', 'vide', 'urn:t', ''],
    ]);
  });

  it('keeps repeated elements in document order', () => {
    const root = parseXml('<r><a>1</a><a>2</a><a>3</a></r>');
    expect(root.children.map((c) => c.text)).toEqual(['1', '2', '3']);
  });

  it('accepts bytes with a UTF-8 byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<r>é</r>')]);
    expect(parseXml(bytes).text).toBe('é');
  });

  it('refuses the billion laughs entity bomb before expanding anything', () => {
    const error = refusal(BILLION_LAUGHS);
    expect(error.code).toBe('XML_DOCTYPE_FORBIDDEN');
    expect(error.line).toBe(2);
  });

  it.each([
    ['a file', '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'],
    ['an http URL', '<!DOCTYPE r [<!ENTITY x SYSTEM "http://169.254.169.254/latest">]><r>&x;</r>'],
    ['an external DTD', '<!DOCTYPE r SYSTEM "http://attacker.example/evil.dtd"><r/>'],
    ['a parameter entity', '<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><r/>'],
  ])('refuses an external entity pointing at %s', (_what, xml) => {
    expect(refusal(xml).code).toBe('XML_DOCTYPE_FORBIDDEN');
  });

  it('refuses an entity the document never declared', () => {
    expect(refusal('<r>&unknown;</r>').code).toBe('XML_MALFORMED');
  });

  it.each([
    ['a __proto__ element', '<r><__proto__><polluted>yes</polluted></__proto__></r>'],
    ['a __proto__ root', '<__proto__/>'],
    ['a prefixed __proto__ element', '<r xmlns:p="urn:p"><p:__proto__/></r>'],
    ['a constructor element', '<r><constructor><prototype>1</prototype></constructor></r>'],
    ['a __proto__ attribute', '<r __proto__="x"/>'],
    ['a prototype attribute', '<r><a prototype="x"/></r>'],
  ])('refuses %s without touching any prototype', (_what, xml) => {
    const error = refusal(xml);
    expect(error.code).toBe('XML_FORBIDDEN_NAME');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses nesting deeper than the limit while reading', () => {
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000);
    const error = refusal(deep, { maxBytes: 1_000_000 });
    expect(error.code).toBe('XML_TOO_DEEP');
    expect(error.details).toMatchObject({ limit: 32 });
  });

  it('accepts nesting exactly at the limit', () => {
    expect(parseXml('<a><b><c/></b></a>', { maxDepth: 3 }).children).toHaveLength(1);
    expect(refusal('<a><b><c><d/></c></b></a>', { maxDepth: 3 }).code).toBe('XML_TOO_DEEP');
  });

  it('refuses input over the byte limit before decoding it', () => {
    const huge = '<r>' + 'x'.repeat(300 * 1024) + '</r>';
    const error = refusal(huge);
    expect(error.code).toBe('XML_TOO_LARGE');
    expect(error.details).toMatchObject({ limit: 256 * 1024 });
    expect(refusal(Buffer.from('<r>éé</r>'), { maxBytes: 10 }).code).toBe('XML_TOO_LARGE');
  });

  it.each([
    ['an empty document', ''],
    ['only a declaration', '<?xml version="1.0"?>'],
    ['an unclosed element', '<r><a></r>'],
    ['two root elements', '<r/><s/>'],
    ['text after the root', '<r/>trailing'],
    ['an unbound prefix', '<p:r/>'],
  ])('refuses %s as malformed', (_what, xml) => {
    expect(refusal(xml).code).toBe('XML_MALFORMED');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(refusal(Buffer.from([0x3c, 0x72, 0x3e, 0xe9, 0x3c, 0x2f, 0x72, 0x3e])).code).toBe(
      'XML_MALFORMED',
    );
  });

  it.each([
    ['a UTF-16 byte order mark', Buffer.from([0xff, 0xfe, 0x3c, 0x00])],
    ['a declared Latin-1 encoding', '<?xml version="1.0" encoding="ISO-8859-1"?><r/>'],
  ])('refuses %s', (_what, input) => {
    expect(refusal(input).code).toBe('XML_ENCODING_UNSUPPORTED');
  });

  it('masks a number used as part of a tag name in a well-formedness error', () => {
    const niss = generateNiss();
    const error = refusal(`<r><_${niss}></r>`);
    expect(error.code).toBe('XML_MALFORMED');
    expect(error.message).not.toContain(niss);
  });

  it('never repeats document text in an error', () => {
    const niss = generateNiss();
    const error = refusal(`<r><niss>${niss}</niss><open></r>`);
    expect(error.code).toBe('XML_MALFORMED');
    expect(error.message).not.toContain(niss);
    expect(JSON.stringify(error.details)).not.toContain(niss);
  });
});

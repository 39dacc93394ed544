import type { ErrorDetail, XmlDocument } from 'libxml2-wasm';
import { XmlError } from '../errors/xml.error';
import { safePath } from '../errors/safe-name';

/** What kind of rule a document broke; libxml2's own message quotes values, so it is not kept. */
export type XsdViolation =
  | 'invalid-value'
  | 'unexpected-element'
  | 'missing-element'
  | 'unexpected-attribute'
  | 'missing-attribute'
  | 'unknown-root'
  | 'other';

const VIOLATIONS: ReadonlyArray<[RegExp, XsdViolation]> = [
  [/No matching global declaration available for the validation root/, 'unknown-root'],
  [/This element is not expected/, 'unexpected-element'],
  [/Missing child element/, 'missing-element'],
  [/attribute '[^']*' is not allowed/i, 'unexpected-attribute'],
  [/attribute '[^']*' is required but missing/i, 'missing-attribute'],
  [
    /is not a valid value|is not facet-valid|is not accepted by the pattern|not an element of the set|has a length of|Character content|Element content is not allowed/,
    'invalid-value',
  ],
];

/** Plain words for each violation, used in messages. */
const WORDS: Readonly<Record<XsdViolation, string>> = {
  'invalid-value': 'holds a value the schema does not accept',
  'unexpected-element': 'is not expected here',
  'missing-element': 'misses a required child element',
  'unexpected-attribute': 'has an attribute the schema does not allow',
  'missing-attribute': 'misses a required attribute',
  'unknown-root': 'is not a root element the schema declares',
  other: 'does not satisfy the schema',
};

/** Classifies one libxml2 diagnostic. */
export function violationOf(message: string): XsdViolation {
  return VIOLATIONS.find(([pattern]) => pattern.test(message))?.[1] ?? 'other';
}

/**
 * Turns libxml2's first validation diagnostic into an XML_SCHEMA_INVALID error with the line and
 * the element path (names resolved from libxml2's positional XPath on the document, before the
 * document is disposed), never the offending value.
 */
export function schemaInvalid(
  schemaName: string,
  detail: ErrorDetail | undefined,
  doc: XmlDocument,
): XmlError {
  const violation = violationOf(detail?.message ?? '');
  const path = detail?.xpath ? elementPath(doc, detail.xpath) : undefined;
  return new XmlError({
    code: 'XML_SCHEMA_INVALID',
    message: `XML document does not satisfy ${schemaName}: element ${path ?? '(unknown)'} ${WORDS[violation]}`,
    location: { line: detail?.line || undefined, path },
    details: { schema: schemaName, violation },
  });
}

function elementPath(doc: XmlDocument, xpath: string): string | undefined {
  try {
    const names: string[] = [];
    for (let node = doc.get(xpath); node; node = node.parent) {
      if ('name' in node && typeof node.name === 'string') names.unshift(node.name);
    }
    return names.length > 0 ? safePath(names) : undefined;
  } catch {
    return undefined;
  }
}

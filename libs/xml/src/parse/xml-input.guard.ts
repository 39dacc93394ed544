import { XmlError } from '../errors/xml.error';
import type { XmlLimits } from './xml-limits';

// A DTD is the door to entity expansion (billion laughs) and external entities (XXE). No partner
// contract needs one, so any declaration is refused before a parser sees the text.
const DTD_DECLARATION = /<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
const XML_DECLARATION = /^<\?xml\s[^?]*\?>/;
const ENCODING = /\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Turns untrusted bytes or text into the text of a UTF-8 XML document, or refuses it: too large
 * (checked first, before any decoding), not UTF-8, or carrying a DTD declaration.
 */
export function decodeXmlInput(raw: Uint8Array | string, limits: XmlLimits): string {
  const bytes = typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.byteLength;
  if (bytes > limits.maxBytes) {
    throw new XmlError({
      code: 'XML_TOO_LARGE',
      message: `XML document is ${bytes} bytes, more than the limit of ${limits.maxBytes} bytes`,
      details: { bytes, limit: limits.maxBytes },
    });
  }
  const text = stripBom(typeof raw === 'string' ? raw : decodeUtf8(raw));
  checkDeclaredEncoding(text);
  const dtd = DTD_DECLARATION.exec(text);
  if (dtd) {
    throw new XmlError({
      code: 'XML_DOCTYPE_FORBIDDEN',
      message: `XML document declares a ${dtd[1]!.toUpperCase()}; DTDs and entities are not accepted`,
      location: { line: lineOf(text, dtd.index) },
    });
  }
  return text;
}

function decodeUtf8(raw: Uint8Array): string {
  if ((raw[0] === 0xfe && raw[1] === 0xff) || (raw[0] === 0xff && raw[1] === 0xfe)) {
    throw unsupportedEncoding('UTF-16');
  }
  try {
    return decoder.decode(raw);
  } catch (cause) {
    throw new XmlError({
      code: 'XML_MALFORMED',
      message: 'XML document is not valid UTF-8',
      cause,
    });
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function checkDeclaredEncoding(text: string): void {
  const declaration = XML_DECLARATION.exec(text)?.[0];
  const encoding = declaration ? ENCODING.exec(declaration)?.[1] : undefined;
  if (encoding !== undefined && encoding.toUpperCase() !== 'UTF-8') {
    throw unsupportedEncoding(encoding);
  }
}

function unsupportedEncoding(encoding: string): XmlError {
  return new XmlError({
    code: 'XML_ENCODING_UNSUPPORTED',
    message: `XML document encoding ${encoding.slice(0, 20)} is not accepted; use UTF-8`,
  });
}

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

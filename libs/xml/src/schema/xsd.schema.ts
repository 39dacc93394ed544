import type { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { XmlError } from '../errors/xml.error';
import { decodeXmlInput } from '../parse/xml-input.guard';
import { type XmlLimits, resolveLimits } from '../parse/xml-limits';
import { type Libxml2Module, loadLibxml2 } from './libxml2.loader';
import { schemaInvalid } from './xsd-error.mapper';

/** An XSD to compile: a name for messages and its text. */
export interface XsdSource {
  /** Short name used in errors, e.g. `actiris/fia.v1.xsd`. */
  readonly name: string;
  readonly xsd: string | Uint8Array;
}

/**
 * An XSD compiled once by libxml2 (WebAssembly, no native code) and used for many documents.
 * Documents are parsed without entity substitution, without DTD loading and without network
 * access, after decodeXmlInput has refused DTDs and oversized input; each parsed document is
 * disposed before validate returns. Call dispose when the schema is no longer needed.
 */
export class XsdSchema {
  private constructor(
    readonly name: string,
    private readonly lib: Libxml2Module,
    private readonly validator: XsdValidator,
  ) {}

  /** Loads libxml2 if needed and compiles the XSD; XML_SCHEMA_UNUSABLE when it does not compile. */
  static async compile(source: XsdSource): Promise<XsdSchema> {
    const lib = await loadLibxml2();
    let doc: XmlDocument | undefined;
    try {
      doc = parse(lib, source.xsd);
      return new XsdSchema(source.name, lib, lib.XsdValidator.fromDoc(doc));
    } catch (cause) {
      throw new XmlError({
        code: 'XML_SCHEMA_UNUSABLE',
        message: `XSD ${source.name} does not compile`,
        details: { schema: source.name },
        cause,
      });
    } finally {
      doc?.dispose();
    }
  }

  /**
   * Checks an untrusted document against the schema; returns nothing when it is valid, throws an
   * XmlError otherwise (XML_TOO_LARGE, XML_DOCTYPE_FORBIDDEN, XML_MALFORMED, XML_SCHEMA_INVALID).
   */
  validate(raw: Uint8Array | string, overrides?: Partial<XmlLimits>): void {
    const text = decodeXmlInput(raw, resolveLimits(overrides));
    let doc: XmlDocument;
    try {
      doc = parse(this.lib, text);
    } catch (cause) {
      throw malformed(cause);
    }
    try {
      this.validator.validate(doc);
    } catch (cause) {
      if (cause instanceof this.lib.XmlValidateError) {
        throw schemaInvalid(this.name, cause.details[0], doc);
      }
      throw malformed(cause);
    } finally {
      doc.dispose();
    }
  }

  /** Frees the compiled schema inside the WebAssembly heap. */
  dispose(): void {
    this.validator.dispose();
  }
}

function parse(lib: Libxml2Module, source: string | Uint8Array): XmlDocument {
  // No NOENT (entity substitution), no DTDLOAD/DTDATTR/DTDVALID, no XINCLUDE, no HUGE: the
  // defaults keep libxml2's own limits (depth 256, 10 MB text nodes) as a second fence.
  const option = lib.ParseOption.XML_PARSE_NONET | lib.ParseOption.XML_PARSE_NO_XXE;
  return typeof source === 'string'
    ? lib.XmlDocument.fromString(source, { option })
    : lib.XmlDocument.fromBuffer(source, { option });
}

function malformed(cause: unknown): XmlError {
  const detail = (cause as { details?: { line?: number }[] }).details?.[0];
  return new XmlError({
    code: 'XML_MALFORMED',
    message: 'XML document is not well-formed',
    location: { line: detail?.line || undefined },
    cause,
  });
}

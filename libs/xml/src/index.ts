// Public API of @rtw/xml: a hardened XML codec for untrusted partner documents. Parsing with
// xml2js after refusing DTDs, forbidden names, oversized and over-deep input; writing canonical
// UTF-8 documents; XSD validation with libxml2 compiled to WebAssembly; and the binding rules
// between a JSON Schema'd document and its XML form (ADR 0050).
export { XML_ERROR_CODES, XmlError, type XmlErrorCode, type XmlLocation } from './errors/xml.error';
export { REDACTED_NAME } from './errors/safe-name';
export { DEFAULT_XML_LIMITS, type XmlLimits } from './parse/xml-limits';
export type { XmlElement } from './parse/xml-element.types';
export { FORBIDDEN_NAMES, parseXml } from './parse/xml.parser';
export {
  serializeXml,
  type SerializeOptions,
  type XmlElementInput,
} from './serialize/xml.serializer';
export { XsdSchema, type XsdSource } from './schema/xsd.schema';
export { XsdSchemaCache } from './schema/xsd-schema.cache';
export type { XsdViolation } from './schema/xsd-error.mapper';
export { JsonXmlBinding, type BindingSchema } from './binding/json-xml.binding';

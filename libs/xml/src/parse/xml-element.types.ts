/**
 * One element of a parsed document. Data-oriented: an element holds child elements or text.
 * Children keep document order within one name; elements of different names appear in the order
 * in which each name first appears (the XSD, not this tree, checks sequence order).
 */
export interface XmlElement {
  /** Qualified name as written, e.g. `fia` or `a:fia`. */
  readonly name: string;
  readonly localName: string;
  /** Namespace URI, or '' when the element has none. */
  readonly namespace: string;
  /** Attributes by qualified name; namespace declarations (`xmlns`, `xmlns:*`) are left out. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Character data of the element itself (entities resolved, CDATA included), '' when none. */
  readonly text: string;
}

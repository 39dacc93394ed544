import { Builder } from 'xml2js';
import { XmlError } from '../errors/xml.error';
import { safeName } from '../errors/safe-name';
import { FORBIDDEN_NAMES } from '../parse/xml.parser';

/** An element to write: children or text, optional attributes. */
export interface XmlElementInput {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children?: readonly XmlElementInput[];
  readonly text?: string;
}

/** How to write a document. */
export interface SerializeOptions {
  /** Default namespace declared on the root element (the contract's namespace). */
  readonly namespace?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?$/;
const ATTRS = '$';
const TEXT = '$text';

type BuilderNode = Record<string, unknown>;

/**
 * Writes a document with xml2js's Builder: UTF-8 declaration, the contract namespace on the root,
 * two-space indentation, `\n` line ends. The same input always gives the same bytes. Children of
 * one name must be consecutive: the object form xml2js builds from would otherwise reorder them.
 */
export function serializeXml(root: XmlElementInput, options: SerializeOptions = {}): string {
  const attributes = {
    ...(options.namespace === undefined ? {} : { xmlns: options.namespace }),
    ...root.attributes,
  };
  const builder = new Builder({
    attrkey: ATTRS,
    charkey: TEXT,
    xmldec: { version: '1.0', encoding: 'UTF-8' },
    renderOpts: { pretty: true, indent: '  ', newline: '\n' },
  });
  try {
    // A one-key object with the default rootName makes xml2js use the key as the root's name.
    return builder.buildObject({
      [checkedName(root.name)]: toBuilderNode({ ...root, attributes }),
    });
  } catch (cause) {
    if (cause instanceof XmlError) throw cause;
    throw new XmlError({
      code: 'XML_NOT_SERIALISABLE',
      message: 'XML document could not be written: a value holds a character XML cannot carry',
      cause,
    });
  }
}

function toBuilderNode(element: XmlElementInput): BuilderNode | string {
  const attributes = element.attributes ?? {};
  const children = element.children ?? [];
  if (children.length > 0 && element.text) {
    throw notSerialisable(element.name, 'has both text and child elements');
  }
  const hasAttributes = Object.keys(attributes).length > 0;
  if (children.length === 0 && !hasAttributes) return element.text ?? '';
  const node: BuilderNode = {};
  if (hasAttributes) {
    for (const name of Object.keys(attributes)) checkedName(name);
    node[ATTRS] = attributes;
  }
  if (element.text) node[TEXT] = element.text;
  let previous: string | undefined;
  for (const child of children) {
    const name = checkedName(child.name);
    const group = Object.hasOwn(node, name) ? (node[name] as unknown[]) : undefined;
    if (group !== undefined && previous !== name) {
      throw notSerialisable(name, 'appears twice, not one after the other');
    }
    node[name] = [...(group ?? []), toBuilderNode(child)];
    previous = name;
  }
  return node;
}

function checkedName(name: string): string {
  const local = name.slice(name.indexOf(':') + 1);
  if (!NAME.test(name) || FORBIDDEN_NAMES.has(local) || name.startsWith('$')) {
    throw notSerialisable(name, 'is not an acceptable XML name');
  }
  return name;
}

function notSerialisable(name: string, reason: string): XmlError {
  return new XmlError({
    code: 'XML_NOT_SERIALISABLE',
    message: `XML element ${safeName(name)} ${reason}`,
  });
}

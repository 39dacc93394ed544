import { XmlError } from '../errors/xml.error';
import { safeName } from '../errors/safe-name';
import type { XmlElement } from '../parse/xml-element.types';
import type { XmlElementInput } from '../serialize/xml.serializer';

/** The parts of a JSON Schema (2020-12) the binding reads; everything else is ignored. */
export interface BindingSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, BindingSchema>>;
  readonly items?: BindingSchema;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, BindingSchema>>;
}

type Kind = 'object' | 'array' | 'boolean' | 'number' | 'string';

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const LOCAL_REF = /^#\/\$defs\/([A-Za-z0-9_-]+)$/;

/**
 * One rule set maps a JSON document to XML and back, driven by the JSON Schema of its content, so
 * that a contract published as JSON Schema and XSD describes one model:
 * - an object is an element whose children are its properties, in the schema's `properties`
 *   order (the XSD's `xs:sequence` lists them in the same order);
 * - an array property is its items repeated as elements of the property's name;
 * - strings are text as they are; booleans are `true`/`false` (read also `1`/`0`); numbers are
 *   decimal text.
 * Reading is lenient on shape (the XSD and the JSON Schema judge it afterwards): an element the
 * schema does not know is kept under its name so that validation names it.
 */
export class JsonXmlBinding {
  constructor(private readonly root: BindingSchema) {}

  /** The element tree of `value`, named `rootName`. */
  toXml(value: unknown, rootName: string): XmlElementInput {
    return this.write(rootName, value, this.root);
  }

  /** The JSON value of a parsed element (the root element when called from outside). */
  fromXml(element: XmlElement): unknown {
    return this.read(element, this.root);
  }

  private write(name: string, value: unknown, schema: BindingSchema): XmlElementInput {
    const resolved = this.resolve(schema);
    if (kindOf(resolved) !== 'object') return { name, text: leafText(name, value) };
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw notSerialisable(name, 'must be an object');
    }
    const properties = resolved.properties ?? {};
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(properties, key)) throw notSerialisable(key, 'is not in the contract');
    }
    const children: XmlElementInput[] = [];
    for (const [key, propertySchema] of Object.entries(properties)) {
      const child = (value as Record<string, unknown>)[key];
      if (child === undefined) continue;
      const property = this.resolve(propertySchema);
      if (kindOf(property) === 'array') {
        if (!Array.isArray(child)) throw notSerialisable(key, 'must be an array');
        for (const item of child) children.push(this.write(key, item, property.items ?? {}));
      } else {
        children.push(this.write(key, child, property));
      }
    }
    return { name, children };
  }

  private read(element: XmlElement, schema: BindingSchema): unknown {
    const resolved = this.resolve(schema);
    const kind = kindOf(resolved);
    if (kind !== 'object') return leafValue(element.text, kind);
    const properties = resolved.properties ?? {};
    const result: Record<string, unknown> = {};
    for (const child of element.children) {
      const known = Object.hasOwn(properties, child.localName);
      const property = known ? this.resolve(properties[child.localName]!) : undefined;
      if (property && kindOf(property) === 'array') {
        const items = (result[child.localName] ??= []) as unknown[];
        items.push(this.read(child, property.items ?? {}));
      } else if (Object.hasOwn(result, child.localName)) {
        // A repeated element that is not an array: keep both so validation reports the type.
        result[child.localName] = [result[child.localName], this.read(child, property ?? {})];
      } else {
        result[child.localName] = property ? this.read(child, property) : child.text;
      }
    }
    return result;
  }

  private resolve(schema: BindingSchema): BindingSchema {
    let current = schema;
    for (let hops = 0; current.$ref !== undefined; hops++) {
      const name = LOCAL_REF.exec(current.$ref)?.[1];
      const target = name === undefined ? undefined : this.root.$defs?.[name];
      if (target === undefined || hops > 16) {
        throw new XmlError({
          code: 'XML_NOT_SERIALISABLE',
          message: `JSON Schema reference ${current.$ref.slice(0, 80)} has no XML binding; use #/$defs/<name>`,
        });
      }
      current = target;
    }
    return current;
  }
}

function kindOf(schema: BindingSchema): Kind {
  const types = typeof schema.type === 'string' ? [schema.type] : (schema.type ?? []);
  if (types.includes('object') || (types.length === 0 && schema.properties)) return 'object';
  if (types.includes('array')) return 'array';
  if (types.includes('boolean')) return 'boolean';
  if (types.includes('integer') || types.includes('number')) return 'number';
  return 'string';
}

function leafText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw notSerialisable(name, 'must be a string, a boolean or a finite number');
}

function leafValue(text: string, kind: Kind): unknown {
  const trimmed = text.trim();
  if (kind === 'boolean') {
    if (trimmed === 'true' || trimmed === '1') return true;
    if (trimmed === 'false' || trimmed === '0') return false;
  }
  if (kind === 'number' && NUMBER.test(trimmed)) return Number(trimmed);
  // Anything else stays text: the schema then reports the wrong type at this element's pointer.
  return text;
}

function notSerialisable(name: string, reason: string): XmlError {
  return new XmlError({
    code: 'XML_NOT_SERIALISABLE',
    message: `value ${safeName(name)} ${reason}`,
  });
}

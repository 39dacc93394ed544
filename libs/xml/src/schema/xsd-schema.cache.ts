import { XsdSchema, type XsdSource } from './xsd.schema';

/**
 * Compiled schemas by name, so each XSD is compiled once per process however many connectors or
 * requests use it. Concurrent first calls share one compilation.
 */
export class XsdSchemaCache {
  private readonly schemas = new Map<string, Promise<XsdSchema>>();

  /** The compiled schema named `name`, compiling `load()`'s XSD the first time. */
  get(name: string, load: () => XsdSource['xsd']): Promise<XsdSchema> {
    let schema = this.schemas.get(name);
    if (!schema) {
      schema = Promise.resolve()
        .then(() => XsdSchema.compile({ name, xsd: load() }))
        .catch((error: unknown) => {
          this.schemas.delete(name);
          throw error;
        });
      this.schemas.set(name, schema);
    }
    return schema;
  }

  /** Disposes every compiled schema and forgets them. */
  async dispose(): Promise<void> {
    const all = [...this.schemas.values()];
    this.schemas.clear();
    for (const result of await Promise.allSettled(all)) {
      if (result.status === 'fulfilled') result.value.dispose();
    }
  }
}

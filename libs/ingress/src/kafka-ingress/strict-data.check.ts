import { IngressError } from '../errors/ingress.error';
import { parseStrictJsonBytes } from '../parsing/strict-json.parser';

/**
 * The HTTP body rules for a Kafka record: its raw value (the event's `data`, binary mode) goes
 * through the same strict parser, so duplicate keys, `__proto__`/`constructor`/`prototype` keys
 * and excessive nesting are refused over Kafka as they are over HTTP. The binding's own
 * `JSON.parse` silently keeps the last of two duplicate keys, which is why the bytes are re-read.
 */
export function assertStrictData(value: Buffer | null): void {
  if (value === null) return;
  try {
    parseStrictJsonBytes(value);
  } catch (error) {
    if (!(error instanceof IngressError)) throw error;
    throw new IngressError({
      code: error.code,
      message: error.message,
      pointer: error.pointer === undefined ? '/data' : `/data${error.pointer}`,
    });
  }
}

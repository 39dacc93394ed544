import { IngressError } from '../errors/ingress.error';

/** What the reader needs to know about a request body. */
export interface BodySource extends AsyncIterable<Buffer | string> {
  /** The request's `content-length` header, when sent. */
  readonly declaredLength?: string;
}

/**
 * Reads a request body up to `limit` bytes. A declared length over the limit is refused before a
 * byte is read; a body that grows past it (chunked uploads) is refused as soon as it does, so an
 * oversized upload never sits in memory. An empty body is refused too.
 */
export async function readRequestBody(
  source: AsyncIterable<Buffer | string>,
  options: { limit: number; declaredLength?: string },
): Promise<Buffer> {
  const declared =
    options.declaredLength === undefined ? undefined : Number(options.declaredLength);
  if (declared !== undefined && Number.isFinite(declared) && declared > options.limit)
    throw tooLarge(options.limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    if (size > options.limit) throw tooLarge(options.limit);
    chunks.push(bytes);
  }
  if (size === 0) throw new IngressError({ code: 'EMPTY_BODY', message: 'request body is empty' });
  return Buffer.concat(chunks, size);
}

function tooLarge(limit: number): IngressError {
  return new IngressError({
    code: 'PAYLOAD_TOO_LARGE',
    message: `request body is larger than the limit of ${limit} bytes`,
  });
}

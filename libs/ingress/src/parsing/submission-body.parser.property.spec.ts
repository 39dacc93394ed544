import fc from 'fast-check';
import { fuzzParameters, hostileText } from '@rtw/testing';
import { IngressError } from '../errors/ingress.error';
import { assertMediaType, BATCH_MEDIA_TYPE, SINGLE_EVENT_MEDIA_TYPE } from './media-type';
import { readRequestBody } from './request-body.reader';
import { parseBatchBody, parseSingleEventBody } from './submission-body.parser';

const PARSE_CODES = ['MALFORMED_JSON', 'JSON_DUPLICATE_KEY', 'JSON_FORBIDDEN_KEY', 'JSON_TOO_DEEP'];

/** The code of the IngressError thrown, or 'ok'; anything else thrown fails the property. */
function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (!(error instanceof IngressError)) throw error;
    return error.code;
  }
}

/** Bodies as clients send them: bytes, arbitrary JSON, arrays of JSON, broken JSON texts. */
const bodies = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => Buffer.from(JSON.stringify(value) ?? '', 'utf8')),
  fc
    .array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 })
    .map((values) => Buffer.from(JSON.stringify(values), 'utf8')),
  hostileText().map((text) => Buffer.from(text, 'utf8')),
);

describe('request body parsing under generated input', () => {
  it('reads one event body as any JSON value, or refuses it with a parse code', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        expect(['ok', ...PARSE_CODES]).toContain(codeOf(() => parseSingleEventBody(body)));
      }),
      fuzzParameters(1000),
    );
  });

  it('reads a batch as an array of 1 to the limit of events, or refuses it with a parse or batch code', () => {
    fc.assert(
      fc.property(bodies, fc.integer({ min: 1, max: 10 }), (body, maxEvents) => {
        let events: unknown[] = [];
        const code = codeOf(() => (events = parseBatchBody(body, maxEvents)));
        expect([
          'ok',
          'BATCH_NOT_ARRAY',
          'BATCH_EMPTY',
          'BATCH_TOO_LARGE',
          ...PARSE_CODES,
        ]).toContain(code);
        if (code === 'ok') expect(events.length >= 1 && events.length <= maxEvents).toBe(true);
      }),
      fuzzParameters(1000),
    );
  });

  it('reads a body of any chunks and declared length within the limit, or refuses it as too large or empty', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.string({ maxLength: 32 })), {
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 256 }),
        fc.option(fc.oneof(fc.string(), fc.nat().map(String), fc.constantFrom('-1', '1e9', 'NaN'))),
        async (chunks, limit, declaredLength) => {
          const pieces = chunks.map((chunk) =>
            typeof chunk === 'string' ? chunk : Buffer.from(chunk),
          );
          const total = Buffer.concat(
            pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)),
          );
          async function* source() {
            yield* pieces;
          }
          const read = await readRequestBody(source(), {
            limit,
            declaredLength: declaredLength ?? undefined,
          }).then(
            (body) => ({ code: 'ok', body }),
            (error: unknown) => {
              if (!(error instanceof IngressError)) throw error;
              return { code: error.code, body: undefined };
            },
          );
          expect(['ok', 'PAYLOAD_TOO_LARGE', 'EMPTY_BODY']).toContain(read.code);
          if (read.code === 'ok') expect(read.body).toEqual(total);
          if (total.length > limit) expect(read.code).toBe('PAYLOAD_TOO_LARGE');
        },
      ),
      fuzzParameters(500),
    );
  });

  it('accepts only the expected media type (with a UTF-8 charset at most), refusing anything else as UNSUPPORTED_MEDIA_TYPE', () => {
    const headers = fc.option(
      fc.oneof(
        hostileText(),
        fc.constantFrom(
          SINGLE_EVENT_MEDIA_TYPE,
          BATCH_MEDIA_TYPE,
          'application/json',
          `${SINGLE_EVENT_MEDIA_TYPE}; charset=UTF-8`,
          `${SINGLE_EVENT_MEDIA_TYPE}; charset=latin1`,
          `${SINGLE_EVENT_MEDIA_TYPE};;`,
        ),
        fc
          .tuple(fc.constantFrom(SINGLE_EVENT_MEDIA_TYPE, BATCH_MEDIA_TYPE), hostileText())
          .map(([type, suffix]) => `${type}${suffix}`),
      ),
    );
    fc.assert(
      fc.property(
        headers,
        fc.constantFrom(SINGLE_EVENT_MEDIA_TYPE, BATCH_MEDIA_TYPE),
        (header, expected) => {
          const code = codeOf(() => assertMediaType(header ?? undefined, expected));
          expect(['ok', 'UNSUPPORTED_MEDIA_TYPE']).toContain(code);
          if (code === 'ok') expect(header!.trim().toLowerCase().startsWith(expected)).toBe(true);
        },
      ),
      fuzzParameters(1000),
    );
  });
});

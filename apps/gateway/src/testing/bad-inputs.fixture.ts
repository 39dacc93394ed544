// FOR TESTS ONLY: the bad inputs of the gateway issue, one per reason code, shared by the
// integration test (in-process gateway) and the end-to-end test (gateway as a real process).
import { randomUUID } from 'node:crypto';
import { generateNiss, exampleEvent, type JsonEvent, type TestTrust } from '@rtw/testing';
import { BATCH, SINGLE, post } from './gateway.fixture';

/** One bad request: what to send and the reason code it must get. */
export interface BadInput {
  code: string;
  body: () => unknown;
  path?: string;
  contentType?: string;
  /** The Authorization header (undefined: none); a fresh token of the insurer by default. */
  authorization?: () => Promise<string | undefined>;
}

/** What the cases need: the trust, the insurer and partner ids, a token already used once. */
export interface BadInputContext {
  trust: TestTrust;
  insurer: string;
  /** A cpmt organisation of the trust; no dossier is referred to it. */
  partner: string;
  replayedAuthorization: string;
  /** The gateway's GATEWAY_BATCH_MAX_EVENTS and GATEWAY_EVENT_MAX_BYTES. */
  batchMaxEvents: number;
  eventMaxBytes: number;
}

/** Every bad input of the issue, each with its distinct reason code. */
export function badInputCases(context: BadInputContext): BadInput[] {
  const { trust, insurer, partner } = context;
  const code = insurer.split(':')[1]!;
  const now = Math.floor(Date.now() / 1000);
  const address = () => ({ dossierId: randomUUID(), insurer: code, niss: generateNiss() });
  const valid = (): JsonEvent => exampleEvent('questionnaire.sent', address());
  const text = (edit: (json: string) => string) => () => edit(JSON.stringify(valid()));
  const token =
    (overrides = {}) =>
    async () =>
      `Bearer ${await trust.sign(insurer, overrides)}`;
  const badCheckDigits = () => {
    const event = exampleEvent('dossier.opened', address());
    const insured = (event['data'] as { insured: { niss: string } }).insured;
    insured.niss =
      insured.niss.slice(0, 9) + String((Number(insured.niss.slice(9)) + 1) % 100).padStart(2, '0');
    return event;
  };
  return [
    { code: 'MALFORMED_JSON', body: () => '{"id": ' },
    { code: 'EMPTY_BODY', body: () => '' },
    { code: 'UNSUPPORTED_MEDIA_TYPE', body: valid, contentType: 'text/plain' },
    { code: 'SCHEMA_REQUIRED', body: () => ({ ...valid(), data: {} }) },
    {
      code: 'UNKNOWN_EVENT_TYPE',
      body: () => ({
        ...valid(),
        type: 'be.rtw.questionnaire.lost',
        dataschema: 'urn:rtw:schema:be.rtw.questionnaire.lost:v1',
      }),
    },
    {
      code: 'UNKNOWN_SCHEMA_VERSION',
      body: () => ({ ...valid(), dataschema: 'urn:rtw:schema:be.rtw.questionnaire.sent:v7' }),
    },
    { code: 'NISS_INVALID', body: badCheckDigits },
    {
      code: 'INSURER_MISMATCH',
      body: () => ({ ...valid(), insurer: code === '200' ? '300' : '200' }),
    },
    {
      code: 'DOSSIER_NOT_REFERRED',
      body: () =>
        exampleEvent('cpmt.referral.accepted', { ...address(), source: `urn:rtw:org:${partner}` }),
      authorization: async () => `Bearer ${await trust.sign(partner)}`,
    },
    {
      code: 'TOKEN_EXPIRED',
      body: valid,
      authorization: token({ iat: now - 600, exp: now - 400 }),
    },
    { code: 'TOKEN_NOT_YET_VALID', body: valid, authorization: token({ nbf: now + 600 }) },
    {
      code: 'TOKEN_SIGNATURE_INVALID',
      body: valid,
      authorization: async () => `Bearer ${await trust.signWithForeignKey(insurer)}`,
    },
    {
      code: 'TOKEN_REPLAYED',
      body: valid,
      authorization: async () => context.replayedAuthorization,
    },
    {
      code: 'UNKNOWN_ORGANISATION',
      body: valid,
      authorization: token({ iss: 'urn:rtw:org:insurer:400' }),
    },
    { code: 'AUTHENTICATION_REQUIRED', body: valid, authorization: async () => undefined },
    {
      code: 'BATCH_TOO_LARGE',
      body: () => Array.from({ length: context.batchMaxEvents + 1 }, valid),
      path: '/v1/events/batch',
      contentType: BATCH,
    },
    { code: 'BATCH_NOT_ARRAY', body: valid, path: '/v1/events/batch', contentType: BATCH },
    {
      code: 'PAYLOAD_TOO_LARGE',
      body: text((json) => json.replace('{', `{"padding":"${'x'.repeat(context.eventMaxBytes)}",`)),
    },
    {
      code: 'JSON_DUPLICATE_KEY',
      body: text((json) => json.replace('{', `{"insurer":"${code}",`)),
    },
    {
      code: 'JSON_FORBIDDEN_KEY',
      body: text((json) => json.replace('"data":{', '"data":{"__proto__":{"admin":true},')),
    },
  ];
}

/** Sends one bad input; returns the status and the reason code answered. */
export async function sendBadInput(
  url: string,
  input: BadInput,
  context: BadInputContext,
): Promise<{ status: number; code: unknown }> {
  const authorization = await (
    input.authorization ?? (async () => `Bearer ${await context.trust.sign(context.insurer)}`)
  )();
  const headers: Record<string, string> = {
    'content-type': input.contentType ?? SINGLE,
    ...(authorization ? { authorization } : {}),
  };
  const response = await post(`${url}${input.path ?? '/v1/events'}`, input.body(), headers);
  return { status: response.status, code: response.body['code'] };
}

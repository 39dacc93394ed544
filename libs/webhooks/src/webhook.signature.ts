import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookSecret } from './webhook.secret';

/** Header names of the Standard Webhooks scheme (lower case, as Node presents them). */
export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** Seconds a receiver tolerates between the signed timestamp and its own clock (Standard Webhooks). */
export const DEFAULT_TOLERANCE_S = 300;

/** The signed headers of one request. */
export type WebhookSignatureHeaders = Record<
  (typeof WEBHOOK_HEADERS)[keyof typeof WEBHOOK_HEADERS],
  string
>;

/** What is signed: the message id, when, and the exact bytes of the body. */
export interface SignInput {
  /** The message id (stable across retries; also the idempotency key). */
  readonly id: string;
  /** Signing time; sent as whole seconds since the epoch. */
  readonly timestamp: Date;
  readonly body: string | Buffer;
  /**
   * Every secret currently valid for the receiver, newest first: one `v1,` signature per secret,
   * so a receiver that knows only the old or only the new one accepts the request during a rotation.
   */
  readonly secrets: readonly WebhookSecret[];
}

/** The three Standard Webhooks headers for a request: id, timestamp and `v1,<base64 HMAC>` list. */
export function signWebhook(input: SignInput): WebhookSignatureHeaders {
  if (input.secrets.length === 0) throw new Error('signWebhook needs at least one secret');
  const seconds = Math.floor(input.timestamp.getTime() / 1000);
  const signatures = input.secrets.map(
    (secret) => `v1,${hmac(secret, input.id, seconds, input.body).toString('base64')}`,
  );
  return {
    [WEBHOOK_HEADERS.id]: input.id,
    [WEBHOOK_HEADERS.timestamp]: String(seconds),
    [WEBHOOK_HEADERS.signature]: signatures.join(' '),
  };
}

/** Why a request's signature was refused (stable codes, for receivers' responses and logs). */
export const WEBHOOK_VERIFICATION_CODES = [
  'WEBHOOK_HEADERS_MISSING',
  'WEBHOOK_TIMESTAMP_INVALID',
  'WEBHOOK_TIMESTAMP_TOO_OLD',
  'WEBHOOK_TIMESTAMP_TOO_NEW',
  'WEBHOOK_SIGNATURE_INVALID',
] as const;

/** One of {@link WEBHOOK_VERIFICATION_CODES}. */
export type WebhookVerificationCode = (typeof WEBHOOK_VERIFICATION_CODES)[number];

/** The verdict on a signed request. */
export type WebhookVerification =
  | { readonly ok: true; readonly id: string; readonly timestamp: Date }
  | { readonly ok: false; readonly code: WebhookVerificationCode; readonly message: string };

/** What a receiver checks. */
export interface VerifyInput {
  /** Request headers; names in any case, values as Node gives them. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body exactly as received (never a re-serialised parse). */
  readonly body: string | Buffer;
  /** The receiver's valid secrets; any one matching signature is enough. */
  readonly secrets: readonly WebhookSecret[];
  /** The receiver's clock (defaults to the machine's). */
  readonly now?: Date;
  /** Largest accepted distance between timestamp and now, in seconds (default 300). */
  readonly toleranceS?: number;
}

const TIMESTAMP = /^\d{1,12}$/;

/**
 * Verifies a Standard Webhooks request: the three headers are present, the timestamp is within
 * the tolerance of `now` (either way), and one `v1` signature matches one secret (compared in
 * constant time). Returns a coded refusal rather than throwing, so receivers map it as they like.
 */
export function verifyWebhook(input: VerifyInput): WebhookVerification {
  const id = headerOf(input.headers, WEBHOOK_HEADERS.id);
  const stamp = headerOf(input.headers, WEBHOOK_HEADERS.timestamp);
  const signature = headerOf(input.headers, WEBHOOK_HEADERS.signature);
  if (!id || !stamp || !signature)
    return refuse(
      'WEBHOOK_HEADERS_MISSING',
      'webhook-id, webhook-timestamp and webhook-signature are required',
    );
  if (!TIMESTAMP.test(stamp))
    return refuse(
      'WEBHOOK_TIMESTAMP_INVALID',
      'webhook-timestamp must be whole seconds since the epoch',
    );
  const seconds = Number(stamp);
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceS ?? DEFAULT_TOLERANCE_S;
  if (nowSeconds - seconds > tolerance)
    return refuse('WEBHOOK_TIMESTAMP_TOO_OLD', `webhook-timestamp is more than ${tolerance} s old`);
  if (seconds - nowSeconds > tolerance)
    return refuse(
      'WEBHOOK_TIMESTAMP_TOO_NEW',
      `webhook-timestamp is more than ${tolerance} s ahead`,
    );
  const offered = signature
    .split(' ')
    .map((entry) => entry.split(','))
    .filter((parts) => parts.length === 2 && parts[0] === 'v1')
    .map((parts) => Buffer.from(parts[1]!, 'base64'));
  for (const secret of input.secrets) {
    const expected = hmac(secret, id, seconds, input.body);
    if (offered.some((candidate) => sameBytes(candidate, expected)))
      return { ok: true, id, timestamp: new Date(seconds * 1000) };
  }
  return refuse('WEBHOOK_SIGNATURE_INVALID', 'no webhook-signature matches a valid secret');
}

function hmac(secret: WebhookSecret, id: string, seconds: number, body: string | Buffer): Buffer {
  return createHmac('sha256', secret.key)
    .update(`${id}.${seconds}.`)
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest();
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerOf(headers: VerifyInput['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' && first !== '' ? first : undefined;
  }
  return undefined;
}

function refuse(code: WebhookVerificationCode, message: string): WebhookVerification {
  return { ok: false, code, message };
}

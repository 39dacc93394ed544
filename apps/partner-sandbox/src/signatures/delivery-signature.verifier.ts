import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Why a delivery's signature was refused (the sandbox's 401 codes). */
export type SignatureRefusalCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_TIMESTAMP_INVALID'
  | 'SIGNATURE_TIMESTAMP_SKEWED'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_UNVERIFIABLE';

/** The verdict on a signed delivery. */
export type SignatureVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: SignatureRefusalCode; readonly message: string };

/** What a receiver checks: the request's headers, its raw body, its own secrets and clock. */
export interface SignatureCheck {
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Buffer;
  /** Every secret valid for this organisation now (several during a rotation). */
  readonly secrets: readonly string[];
  readonly now: Date;
}

/**
 * Checks a partner delivery's Standard Webhooks signature. The port the sandbox depends on: the
 * hub's own `@rtw/webhooks` `verifyWebhook` is the same scheme and can replace the
 * implementation below without touching its callers (ADR 0071).
 */
export interface DeliverySignatureVerifier {
  verify(check: SignatureCheck): SignatureVerdict;
}

/** Standard Webhooks' tolerance between the signed timestamp and the receiver's clock. */
export const SIGNATURE_TOLERANCE_S = 300;

const TIMESTAMP = /^\d{1,12}$/;

/**
 * The scheme's reference implementation (npm `standardwebhooks`) computes the signature:
 * `webhook-id`, `webhook-timestamp` (unix seconds, at most 5 minutes from now either way) and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, space-separated during a
 * sender's rotation), any one of the receiver's secrets matching, compared in constant time. The
 * library's own `verify` is not used: it reads the machine's clock, and the sandbox's clock can be
 * moved by tests (TEST_CLOCK_CONTROL) to play a partner whose clock drifts.
 */
export class StandardWebhooksVerifier implements DeliverySignatureVerifier {
  verify(check: SignatureCheck): SignatureVerdict {
    const id = header(check.headers, 'webhook-id');
    const timestamp = header(check.headers, 'webhook-timestamp');
    const signature = header(check.headers, 'webhook-signature');
    if (!id || !timestamp || !signature)
      return refuse(
        'SIGNATURE_MISSING',
        'webhook-id, webhook-timestamp and webhook-signature are required',
      );
    if (!TIMESTAMP.test(timestamp))
      return refuse(
        'SIGNATURE_TIMESTAMP_INVALID',
        'webhook-timestamp must be whole seconds since the epoch',
      );
    const skew = Math.abs(Math.floor(check.now.getTime() / 1000) - Number(timestamp));
    if (skew > SIGNATURE_TOLERANCE_S)
      return refuse(
        'SIGNATURE_TIMESTAMP_SKEWED',
        `webhook-timestamp is more than ${SIGNATURE_TOLERANCE_S} s away from the receiver's clock`,
      );
    if (check.secrets.length === 0)
      return refuse('SIGNATURE_UNVERIFIABLE', 'the receiver holds no secret for this sender');
    const offered = signature
      .split(' ')
      .filter((entry) => entry.startsWith('v1,'))
      .map((entry) => Buffer.from(entry));
    const signedAt = new Date(Number(timestamp) * 1000);
    for (const secret of check.secrets) {
      const expected = Buffer.from(new Webhook(secret).sign(id, signedAt, check.body));
      if (offered.some((candidate) => sameBytes(candidate, expected))) return { ok: true };
    }
    return refuse('SIGNATURE_INVALID', 'no webhook-signature matches a secret of this sender');
  }
}

function header(headers: SignatureCheck['headers'], name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(code: SignatureRefusalCode, message: string): SignatureVerdict {
  return { ok: false, code, message };
}

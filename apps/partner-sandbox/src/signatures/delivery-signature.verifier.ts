import {
  parseWebhookSecret,
  verifyWebhook,
  type WebhookSecret,
  type WebhookVerificationCode,
} from '@rtw/webhooks';

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

const CODES: Readonly<Record<WebhookVerificationCode, SignatureRefusalCode>> = {
  WEBHOOK_HEADERS_MISSING: 'SIGNATURE_MISSING',
  WEBHOOK_TIMESTAMP_INVALID: 'SIGNATURE_TIMESTAMP_INVALID',
  WEBHOOK_TIMESTAMP_TOO_OLD: 'SIGNATURE_TIMESTAMP_SKEWED',
  WEBHOOK_TIMESTAMP_TOO_NEW: 'SIGNATURE_TIMESTAMP_SKEWED',
  WEBHOOK_SIGNATURE_INVALID: 'SIGNATURE_INVALID',
};

/**
 * The hub's own Standard Webhooks verification (`@rtw/webhooks`, the code delivery signs with):
 * `webhook-id`, `webhook-timestamp` within 5 minutes of the sandbox's clock (which tests may move,
 * to play a partner whose clock drifts) and one `v1` signature matching one of the sender's
 * secrets, compared in constant time.
 */
export class StandardWebhooksVerifier implements DeliverySignatureVerifier {
  verify(check: SignatureCheck): SignatureVerdict {
    const secrets = check.secrets.map(parseWebhookSecret);
    const usable = secrets.filter((secret): secret is WebhookSecret => typeof secret !== 'string');
    if (usable.length === 0)
      return refuse('SIGNATURE_UNVERIFIABLE', 'the receiver holds no secret for this sender');
    const verdict = verifyWebhook({
      headers: check.headers,
      body: check.body,
      secrets: usable,
      now: check.now,
      toleranceS: SIGNATURE_TOLERANCE_S,
    });
    return verdict.ok ? { ok: true } : refuse(CODES[verdict.code], verdict.message);
  }
}

function refuse(code: SignatureRefusalCode, message: string): SignatureVerdict {
  return { ok: false, code, message };
}

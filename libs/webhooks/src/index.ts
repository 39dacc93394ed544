// Public API of @rtw/webhooks: signing and verifying partner deliveries with the Standard Webhooks
// scheme (HMAC-SHA256 over "id.timestamp.body", several secrets during a rotation). Delivery signs
// with it; the partner sandbox and tests verify with it.
export {
  SECRET_MAX_BYTES,
  SECRET_MIN_BYTES,
  SECRET_PREFIX,
  generateWebhookSecret,
  parseWebhookSecret,
  type WebhookSecret,
} from './webhook.secret';
export {
  DEFAULT_TOLERANCE_S,
  WEBHOOK_HEADERS,
  WEBHOOK_VERIFICATION_CODES,
  signWebhook,
  verifyWebhook,
  type SignInput,
  type VerifyInput,
  type WebhookSignatureHeaders,
  type WebhookVerification,
  type WebhookVerificationCode,
} from './webhook.signature';

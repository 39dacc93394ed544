import { randomBytes } from 'node:crypto';

/** Prefix of a Standard Webhooks secret in its text form (`whsec_<base64>`). */
export const SECRET_PREFIX = 'whsec_';

/** Shortest and longest secret accepted, in bytes (the Standard Webhooks range). */
export const SECRET_MIN_BYTES = 24;
export const SECRET_MAX_BYTES = 64;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A signing secret decoded once: the raw key bytes of `whsec_<base64>`. */
export interface WebhookSecret {
  readonly key: Buffer;
}

/**
 * Decodes a secret written as `whsec_<base64>` (the prefix is optional, as in the reference
 * libraries). Returns a reason in plain words when it is unusable; never echoes the value.
 */
export function parseWebhookSecret(text: string): WebhookSecret | string {
  const encoded = text.trim().startsWith(SECRET_PREFIX)
    ? text.trim().slice(SECRET_PREFIX.length)
    : text.trim();
  if (!BASE64.test(encoded)) return 'is not base64 (whsec_<base64>)';
  const key = Buffer.from(encoded, 'base64');
  if (key.length < SECRET_MIN_BYTES || key.length > SECRET_MAX_BYTES)
    return `must decode to ${SECRET_MIN_BYTES} to ${SECRET_MAX_BYTES} bytes`;
  return { key };
}

/** A fresh random secret in text form, for tests and for operators creating one. */
export function generateWebhookSecret(bytes = 32): string {
  return `${SECRET_PREFIX}${randomBytes(bytes).toString('base64')}`;
}

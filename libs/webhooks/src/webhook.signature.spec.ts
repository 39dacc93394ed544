import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, parseWebhookSecret, type WebhookSecret } from './webhook.secret';
import { signWebhook, verifyWebhook } from './webhook.signature';

function secret(text = generateWebhookSecret()): WebhookSecret {
  const parsed = parseWebhookSecret(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const BODY = '{"form":"fia","version":1}';
const NOW = new Date('2026-12-01T10:00:00Z');

describe('Standard Webhooks signing', () => {
  it('matches the scheme’s published example signature', () => {
    // Example from the Standard Webhooks specification (and Svix's documentation).
    const headers = signWebhook({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: new Date(1614265330 * 1000),
      body: '{"test": 2432232314}',
      secrets: [secret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')],
    });
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(headers['webhook-timestamp']).toBe('1614265330');
  });

  it('produces signatures the reference library accepts, and accepts the library’s', () => {
    const text = generateWebhookSecret();
    const reference = new Webhook(text);
    const now = new Date();
    const ours = signWebhook({ id: 'msg-1', timestamp: now, body: BODY, secrets: [secret(text)] });
    expect(reference.verify(BODY, ours)).toEqual({ form: 'fia', version: 1 });

    const theirs = reference.sign('msg-2', now, BODY);
    const verdict = verifyWebhook({
      headers: {
        'Webhook-Id': 'msg-2',
        'Webhook-Timestamp': String(Math.floor(now.getTime() / 1000)),
        'Webhook-Signature': theirs,
      },
      body: BODY,
      secrets: [secret(text)],
      now,
    });
    expect(verdict.ok).toBe(true);
  });

  it('signs with every secret of a rotation, so receivers knowing either one accept', () => {
    const [newest, previous] = [secret(), secret()];
    const headers = signWebhook({
      id: 'm',
      timestamp: NOW,
      body: BODY,
      secrets: [newest, previous],
    });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const known of [[newest], [previous]]) {
      expect(verifyWebhook({ headers, body: BODY, secrets: known, now: NOW })).toMatchObject({
        ok: true,
        id: 'm',
      });
    }
    expect(verifyWebhook({ headers, body: BODY, secrets: [secret()], now: NOW })).toMatchObject({
      ok: false,
      code: 'WEBHOOK_SIGNATURE_INVALID',
    });
  });

  it('refuses a body changed after signing, even by one byte', () => {
    const key = secret();
    const headers = signWebhook({ id: 'm', timestamp: NOW, body: BODY, secrets: [key] });
    const verdict = verifyWebhook({
      headers,
      body: BODY.replace('1', '2'),
      secrets: [key],
      now: NOW,
    });
    expect(verdict).toMatchObject({ ok: false, code: 'WEBHOOK_SIGNATURE_INVALID' });
  });

  it('signs raw bytes exactly, not a re-encoding of them', () => {
    const key = secret();
    const bytes = Buffer.from([0x3c, 0x61, 0xe9, 0x2f, 0x3e]); // not valid UTF-8 on purpose
    const headers = signWebhook({ id: 'm', timestamp: NOW, body: bytes, secrets: [key] });
    expect(verifyWebhook({ headers, body: bytes, secrets: [key], now: NOW }).ok).toBe(true);
  });

  it.each([
    ['more than 5 minutes old', -301, 'WEBHOOK_TIMESTAMP_TOO_OLD'],
    ['more than 5 minutes ahead', 301, 'WEBHOOK_TIMESTAMP_TOO_NEW'],
  ])('refuses a timestamp %s', (_label, skewS, code) => {
    const key = secret();
    const headers = signWebhook({
      id: 'm',
      timestamp: new Date(NOW.getTime() + skewS * 1000),
      body: BODY,
      secrets: [key],
    });
    expect(verifyWebhook({ headers, body: BODY, secrets: [key], now: NOW })).toMatchObject({
      ok: false,
      code,
    });
  });

  it('accepts a timestamp within the tolerance either way', () => {
    const key = secret();
    for (const skewS of [-300, 300]) {
      const headers = signWebhook({
        id: 'm',
        timestamp: new Date(NOW.getTime() + skewS * 1000),
        body: BODY,
        secrets: [key],
      });
      expect(verifyWebhook({ headers, body: BODY, secrets: [key], now: NOW }).ok).toBe(true);
    }
  });

  it('refuses missing headers and a timestamp that is not whole seconds', () => {
    const key = secret();
    const headers = signWebhook({ id: 'm', timestamp: NOW, body: BODY, secrets: [key] });
    expect(
      verifyWebhook({
        headers: { ...headers, 'webhook-signature': undefined },
        body: BODY,
        secrets: [key],
        now: NOW,
      }),
    ).toMatchObject({ ok: false, code: 'WEBHOOK_HEADERS_MISSING' });
    expect(
      verifyWebhook({
        headers: { ...headers, 'webhook-timestamp': '1.5e9' },
        body: BODY,
        secrets: [key],
        now: NOW,
      }),
    ).toMatchObject({ ok: false, code: 'WEBHOOK_TIMESTAMP_INVALID' });
  });

  it('ignores signatures of other versions', () => {
    const key = secret();
    const headers = signWebhook({ id: 'm', timestamp: NOW, body: BODY, secrets: [key] });
    const v2 = headers['webhook-signature'].replace('v1,', 'v2,');
    expect(
      verifyWebhook({
        headers: { ...headers, 'webhook-signature': v2 },
        body: BODY,
        secrets: [key],
        now: NOW,
      }),
    ).toMatchObject({ ok: false, code: 'WEBHOOK_SIGNATURE_INVALID' });
  });
});

describe('parseWebhookSecret', () => {
  it('decodes whsec_ secrets with or without the prefix, and refuses short or non-base64 ones', () => {
    const text = generateWebhookSecret();
    expect(secret(text).key).toHaveLength(32);
    expect(secret(text.slice('whsec_'.length)).key).toHaveLength(32);
    expect(parseWebhookSecret('whsec_c2hvcnQ=')).toBe('must decode to 24 to 64 bytes');
    expect(parseWebhookSecret('whsec_not base64!')).toBe('is not base64 (whsec_<base64>)');
  });
});

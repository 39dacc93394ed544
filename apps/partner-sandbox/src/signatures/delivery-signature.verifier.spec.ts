import { newSecret, signedHeaders } from '../testing/sandbox.fixture';
import { StandardWebhooksVerifier } from './delivery-signature.verifier';

describe('the Standard Webhooks check of a delivery', () => {
  const verifier = new StandardWebhooksVerifier();
  const now = new Date('2026-11-30T12:00:00Z');
  const body = '<?xml version="1.0" encoding="UTF-8"?><fia/>';
  const oldSecret = newSecret();
  const newOne = newSecret();
  const check = (headers: Record<string, string>, secrets: string[], payload = body) =>
    verifier.verify({ headers, body: Buffer.from(payload), secrets, now });
  const signed = (secrets: string[], timestamp = now) =>
    signedHeaders({ id: 'msg-1', body, secrets, contentType: 'application/xml', timestamp });

  it('accepts a delivery signed with the secret of the organisation', () => {
    expect(check(signed([newOne]), [newOne])).toEqual({ ok: true });
  });

  it('accepts both halves of a rotation: two signatures for a receiver knowing one, one signature for a receiver knowing two', () => {
    expect(check(signed([newOne, oldSecret]), [oldSecret])).toEqual({ ok: true });
    expect(check(signed([oldSecret]), [newOne, oldSecret])).toEqual({ ok: true });
  });

  it('refuses a signature made with another secret, or over another body', () => {
    expect(check(signed([newSecret()]), [newOne])).toMatchObject({
      ok: false,
      code: 'SIGNATURE_INVALID',
    });
    expect(check(signed([newOne]), [newOne], `${body} `)).toMatchObject({
      ok: false,
      code: 'SIGNATURE_INVALID',
    });
  });

  it('refuses a timestamp more than five minutes from its clock, either way, and accepts one just inside', () => {
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(check(signed([newOne], at(-301)), [newOne])).toMatchObject({
      ok: false,
      code: 'SIGNATURE_TIMESTAMP_SKEWED',
    });
    expect(check(signed([newOne], at(301)), [newOne])).toMatchObject({
      ok: false,
      code: 'SIGNATURE_TIMESTAMP_SKEWED',
    });
    expect(check(signed([newOne], at(-300)), [newOne])).toEqual({ ok: true });
    expect(check(signed([newOne], at(300)), [newOne])).toEqual({ ok: true });
  });

  it('refuses missing headers, a timestamp that is not seconds, and a sender it has no secret for', () => {
    const headers = signed([newOne]);
    const { ['webhook-signature']: _dropped, ...unsigned } = headers;
    expect(check(unsigned, [newOne])).toMatchObject({ ok: false, code: 'SIGNATURE_MISSING' });
    expect(
      check({ ...headers, 'webhook-timestamp': '2026-11-30T12:00:00Z' }, [newOne]),
    ).toMatchObject({
      ok: false,
      code: 'SIGNATURE_TIMESTAMP_INVALID',
    });
    expect(check(headers, [])).toMatchObject({ ok: false, code: 'SIGNATURE_UNVERIFIABLE' });
  });
});

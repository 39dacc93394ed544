import { createHmac } from 'node:crypto';
import { PseudonymKey } from './pseudonym.key';

const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const dossier = '0d5e1c9a-7f7a-4d4e-9a55-0b1b3c1f2e10';

describe('the dataset pseudonyms', () => {
  it('gives a dossier the same 64-hex pseudonym in every build of one insurer and year', () => {
    const first = new PseudonymKey({ secret, insurer: '100', year: 2026 }).pseudonym(dossier);
    const again = new PseudonymKey({ secret, insurer: '100', year: 2026 }).pseudonym(dossier);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toBe(first);
  });

  it('is HMAC-SHA256 of the dossier id under HMAC-SHA256(secret, insurer and year), as ADR 0080 defines', () => {
    const key = createHmac('sha256', secret)
      .update('rtw:inami:evaluation-dataset:v1\n100\n2026')
      .digest();
    const expected = createHmac('sha256', key).update(dossier).digest('hex');
    expect(new PseudonymKey({ secret, insurer: '100', year: 2026 }).pseudonym(dossier)).toBe(
      expected,
    );
  });

  it('gives the same dossier unrelated pseudonyms in another year, for another insurer and under another secret', () => {
    const base = new PseudonymKey({ secret, insurer: '100', year: 2026 }).pseudonym(dossier);
    const otherYear = new PseudonymKey({ secret, insurer: '100', year: 2027 }).pseudonym(dossier);
    const otherInsurer = new PseudonymKey({ secret, insurer: '200', year: 2026 }).pseudonym(
      dossier,
    );
    const otherSecret = new PseudonymKey({
      secret: `${secret}-rotated`,
      insurer: '100',
      year: 2026,
    }).pseudonym(dossier);
    expect(new Set([base, otherYear, otherInsurer, otherSecret]).size).toBe(4);
  });

  it('gives two dossiers of one dataset different pseudonyms, neither containing the dossier id', () => {
    const key = new PseudonymKey({ secret, insurer: '100', year: 2026 });
    const other = '7c3b2a10-1111-4222-8333-444455556666';
    expect(key.pseudonym(dossier)).not.toBe(key.pseudonym(other));
    expect(key.pseudonym(dossier)).not.toContain(dossier.replace(/-/g, '').slice(0, 8));
  });
});

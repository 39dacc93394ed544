import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/**
 * The pseudonyms of one dataset (ADR 0080). The key is HMAC-SHA256(secret, insurer + year), so a
 * trajectory keeps its pseudonym within one insurer's year and gets an unrelated one in another
 * year or for another insurer: INAMI cannot link years without the hub's secret, which never
 * leaves the hub. The pseudonym is HMAC-SHA256(key, dossier id), 64 hex characters.
 */
export class PseudonymKey {
  private readonly key: KeyObject;

  constructor(args: { secret: string; insurer: string; year: number }) {
    // A KeyObject made once: given raw bytes, every createHmac prepares the key anew, which
    // made the pseudonyms an eighth of a national build (ADR 0085).
    this.key = createSecretKey(
      createHmac('sha256', args.secret)
        .update(`rtw:inami:evaluation-dataset:v1\n${args.insurer}\n${args.year}`)
        .digest(),
    );
  }

  /** The pseudonym of a dossier in this dataset. */
  pseudonym(dossierId: string): string {
    return createHmac('sha256', this.key).update(dossierId).digest('hex');
  }
}

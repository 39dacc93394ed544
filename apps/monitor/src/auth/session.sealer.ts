import { createHash } from 'node:crypto';
import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';

/**
 * Seals small JSON payloads into cookie values: JWE (`dir`, A256GCM) under a key derived from the
 * monitor's session secret, with an expiry (ADR 0091). Encrypted, not only signed, so roles and
 * the CSRF token are neither readable nor forgeable in the browser; stateless, so the console
 * keeps its sessions while PostgreSQL is down.
 */
export class SessionSealer {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly purpose: string,
  ) {
    // One key per purpose (session, login in progress): a value of one is useless as the other.
    this.key = createHash('sha256').update(`${purpose}\0${secret}`).digest();
  }

  async seal(payload: Record<string, unknown>, ttlSeconds: number): Promise<string> {
    return new EncryptJWT(payload as JWTPayload)
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .setAudience(this.purpose)
      .encrypt(this.key);
  }

  /** The payload, or undefined when the value is missing, tampered with, foreign or expired. */
  async open(value: string | undefined): Promise<JWTPayload | undefined> {
    if (!value) return undefined;
    try {
      const { payload } = await jwtDecrypt(value, this.key, { audience: this.purpose });
      return payload;
    } catch {
      return undefined;
    }
  }
}

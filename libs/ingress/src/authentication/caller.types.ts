import type { Organisation } from '../organisations/organisation.types';

/** How a caller proved who it is. */
export type AuthenticationMethod = 'token' | 'certificate' | 'dev-key';

/** An authenticated caller: the organisation and how it authenticated. */
export interface Caller {
  readonly organisation: Organisation;
  readonly method: AuthenticationMethod;
  /** The token's `jti` and expiry, for bearer-token callers. */
  readonly token?: { readonly id: string; readonly expiresAt: Date };
  /**
   * Every claim of the verified token, for bearer-token callers: apps that act for a person (the
   * support APIs) read roles and the acting person (`sub`) from it. Already verified; never logged.
   */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** What a request offers to prove its caller's identity. */
export interface Credentials {
  /** The `Authorization` header. */
  readonly authorization?: string;
  /** SHA-256 fingerprint of the client certificate presented over mutual TLS. */
  readonly clientCertificateFingerprint?: string;
}

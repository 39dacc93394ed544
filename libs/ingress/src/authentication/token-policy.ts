/** What a bearer token must satisfy beyond its signature. */
export interface TokenPolicy {
  /** The `aud` every token must name: the gateway's own identifier. */
  readonly audience: string;
  /** Clock skew tolerated on `exp`, `nbf` and `iat`. */
  readonly clockToleranceSeconds: number;
  /**
   * Longest `exp - iat` accepted. Short-lived tokens keep the replay register small: a `jti`
   * only has to be remembered until its token expires.
   */
  readonly maxLifetimeSeconds: number;
}

/** Algorithms accepted: asymmetric only, so the hub never holds a secret able to sign for a caller. */
export const TOKEN_ALGORITHMS = ['ES256', 'RS256'] as const;

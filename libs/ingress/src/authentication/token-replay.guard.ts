/**
 * The register of token ids already used. Shared by every gateway instance (PostgreSQL in
 * production), so a token replayed against another instance is refused too.
 */
export interface TokenReplayGuard {
  /** Records the token id; resolves false when it was recorded before (a replay). */
  claim(issuer: string, tokenId: string, expiresAt: Date): Promise<boolean>;
}

/** FOR TESTS AND SINGLE-PROCESS TOOLS: a replay register in memory. */
export class InMemoryTokenReplayGuard implements TokenReplayGuard {
  private readonly seen = new Set<string>();

  async claim(issuer: string, tokenId: string): Promise<boolean> {
    const key = `${issuer} ${tokenId}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

import type { DataSource } from 'typeorm';
import type { TokenReplayGuard } from './token-replay.guard';

/**
 * The replay register in `ingress_token_ids`: the primary key (issuer, jti) makes a second claim
 * fail atomically across instances. Rows are useless once their token expired: purge them.
 */
export class PostgresTokenReplayGuard implements TokenReplayGuard {
  constructor(private readonly dataSource: DataSource) {}

  async claim(issuer: string, tokenId: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO "ingress_token_ids" ("issuer", "token_id", "expires_at") VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [issuer, tokenId, expiresAt],
    );
    return rows.length === 1;
  }

  /** Deletes ids of tokens expired more than `graceSeconds` ago; returns how many. */
  async purgeExpired(graceSeconds: number): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM "ingress_token_ids" WHERE "expires_at" < now() - make_interval(secs => $1)`,
      [graceSeconds],
    );
    return result[1];
  }
}

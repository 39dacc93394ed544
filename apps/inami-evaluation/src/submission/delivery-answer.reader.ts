import type { DataSource } from 'typeorm';

/**
 * What INAMI answered to a submission over HTTP, as delivery's attempt log holds it (ADR 0109):
 * the redacted first bytes of the body of the message's last answered attempt. Read-only, by
 * message id; delivery commits the attempt row with the receipt's outbox row, so the row is there
 * when the receipt arrives.
 */
export class DeliveryAnswerReader {
  constructor(private readonly dataSource: DataSource) {}

  async lastExcerpt(messageId: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT "response_excerpt" FROM "delivery_attempts"
        WHERE "message_id" = $1 AND "http_status" IS NOT NULL
        ORDER BY "round" DESC, "attempt_no" DESC LIMIT 1`,
      [messageId],
    )) as Array<{ response_excerpt: string | null }>;
    return rows[0]?.response_excerpt ?? undefined;
  }
}

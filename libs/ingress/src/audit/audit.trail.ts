import type { DataSource } from 'typeorm';
import type { ReasonCode } from '../errors/reason.codes';
import type { Channel } from '../submission/submission.types';

/** A request refused before any event in it was judged (authentication, size, parsing). */
export interface RequestRefusal {
  /** Unknown when the caller could not be authenticated. */
  readonly organisationId?: string;
  readonly channel: Channel;
  readonly code: ReasonCode;
}

/** Records refusals of whole requests; per-event outcomes are recorded with the submission. */
export class AuditTrail {
  constructor(private readonly dataSource: DataSource) {}

  async recordRefusal(refusal: RequestRefusal): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "ingress_audit" ("organisation_id", "channel", "outcome", "reason_code") VALUES ($1, $2, 'refused', $3)`,
      [refusal.organisationId ?? 'unknown', refusal.channel, refusal.code],
    );
  }
}

import type { RejectionCode } from '../rejection.codes';

/**
 * Where a rule comes from: `law` (the law or the official sources as DOMAIN.md summarises them),
 * `secondary` (known only from a secondary source: its values are configurable data) or `hub`
 * (consistency the hub needs to keep a dossier's history meaningful: dates in order, answers to
 * known referrals).
 */
export type RuleBasis = 'law' | 'secondary' | 'hub';

/** One business rule of the trajectory: what it checks, the code it rejects with, and why. */
export interface TrajectoryRule {
  readonly code: RejectionCode;
  readonly basis: RuleBasis;
  /** The rule in one sentence; also the default message of its rejections (never any data). */
  readonly text: string;
  /** DOMAIN.md section and legal text, or the reason the hub needs it. */
  readonly source: string;
  /** The policy entry or reference data the rule reads, when its values are configurable. */
  readonly configurable?: string;
}

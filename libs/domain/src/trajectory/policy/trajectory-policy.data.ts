import type { CapacityCategory } from '../trajectory.state';

/**
 * The numbers and lists the trajectory rules read, as data: the decider takes a policy argument
 * (this one by default), so a change of law or a rule known only from a secondary source is a data
 * change, reviewed like data, not a code change (ADR 0047).
 */
export interface TrajectoryPolicy {
  readonly allowanceReduction: {
    /** The reduction for salaried and unemployed insured, in percent of the daily allowance. */
    readonly ratePercent: number;
    /** Self-employed and helping spouses: any rate above 0 up to this one. */
    readonly selfEmployedMaxRatePercent: number;
    /** Reductions apply to incapacities that started on or after this date. */
    readonly fromIncapacityStart: string;
  };
  readonly coordinatorReferral: {
    /** Categories referred to the coordinator after the first estimate. */
    readonly firstEstimateCategories: readonly CapacityCategory[];
    /** Categories referred after a re-estimate (the first estimate did not refer them). */
    readonly reEstimateCategories: readonly CapacityCategory[];
  };
}

/** Where the policy's values come from. */
export const TRAJECTORY_POLICY_SOURCE =
  'docs DOMAIN.md section 3: unjustified absence reduces the daily allowance by 2.5 % for ' +
  'incapacities starting on or after 1 January 2023, at most 2.5 % for the self-employed; ' +
  'referral to the coordinator: category 4 first, categories 1 and 3 possibly later after a ' +
  're-estimate, never 2 (the wording of category 3 is secondary).';

/** The policy the law sets today. */
export const TRAJECTORY_POLICY: TrajectoryPolicy = {
  allowanceReduction: {
    ratePercent: 2.5,
    selfEmployedMaxRatePercent: 2.5,
    fromIncapacityStart: '2023-01-01',
  },
  coordinatorReferral: {
    firstEstimateCategories: [4],
    reEstimateCategories: [1, 3, 4],
  },
};

import { AMI_RULES } from './ami/ami.rules.data';
import { ASSESSMENT_RULES } from './assessment/assessment.rules.data';
import { CONTACT_RULES } from './contact/contact.rules.data';
import { CPMT_RULES } from './cpmt/cpmt.rules.data';
import { DOSSIER_RULES } from './dossier/dossier.rules.data';
import { PLAN_RULES } from './plan/plan.rules.data';
import { REGIONAL_RULES } from './regional/regional.rules.data';
import { REFERRAL_RULES } from './shared/referral.rules.data';
import type { TrajectoryRule } from './shared/rule.types';

/**
 * Every rule the decider applies, by stable id: its rejection code, its basis (law, secondary,
 * hub) and its source. Each has a Given/When/Then scenario (`trajectory.rules.spec.ts`) and a row
 * in ADR 0047.
 */
export const TRAJECTORY_RULES = {
  ...DOSSIER_RULES,
  ...ASSESSMENT_RULES,
  ...REFERRAL_RULES,
  ...CPMT_RULES,
  ...REGIONAL_RULES,
  ...CONTACT_RULES,
  ...AMI_RULES,
  ...PLAN_RULES,
} as const satisfies Record<string, TrajectoryRule>;

/** The id of one rule of TRAJECTORY_RULES. */
export type RuleId = keyof typeof TRAJECTORY_RULES;

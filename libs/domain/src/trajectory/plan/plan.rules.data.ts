import type { TrajectoryRule } from '../shared/rule.types';

/** Rules of the reintegration plan. */
export const PLAN_RULES = {
  'plan.needs-ami': {
    code: 'PLAN_WITHOUT_AMI',
    basis: 'law',
    text: 'A reintegration plan belongs to a launched AMI trajectory.',
    source: 'DOMAIN.md section 3: the follow-up interview after the AMI launch draws up the plan.',
  },
  'plan.id-unique': {
    code: 'PLAN_ALREADY_DRAFTED',
    basis: 'hub',
    text: 'A plan is drafted once; its changes are reviews.',
    source: 'Reviews and evaluation are matched on the plan id.',
  },
  'plan.not-before-ami-launch': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'A plan is not drafted before the AMI launch.',
    source: 'Dates in the order of the steps.',
  },
  'plan.follow-up-not-before-plan-date': {
    code: 'FOLLOW_UP_BEFORE_PLAN_DATE',
    basis: 'law',
    text: "The plan's next follow-up is not dated before the drafting or review that sets it.",
    source: 'DOMAIN.md section 3: the plan holds a concrete date for the next follow-up interview.',
  },
  'plan.known': {
    code: 'UNKNOWN_PLAN',
    basis: 'hub',
    text: 'Reviews and evaluations name a plan of the dossier.',
    source: 'Plans are matched on their id.',
  },
  'plan.open-until-evaluated': {
    code: 'PLAN_ALREADY_EVALUATED',
    basis: 'hub',
    text: 'An evaluated plan takes no further review or evaluation.',
    source: 'DOMAIN.md section 3: the evaluation closes the plan; a new plan gets a new id.',
  },
  'plan.step-not-before-drafting': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'A review or evaluation is not dated before the drafting or the previous review.',
    source: 'Dates in the order of the steps.',
  },
} as const satisfies Record<string, TrajectoryRule>;

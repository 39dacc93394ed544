import type { TrajectoryRule } from '../shared/rule.types';

/** Rules of the AMI trajectory's launch, suspension and resumption. */
export const AMI_RULES = {
  'ami.launch-once': {
    code: 'AMI_ALREADY_LAUNCHED',
    basis: 'hub',
    text: 'A dossier has one AMI trajectory.',
    source: 'Suspension and resumption continue the one trajectory.',
  },
  'ami.declaration-complete': {
    code: 'ENGAGEMENT_DECLARATION_INCOMPLETE',
    basis: 'law',
    text: 'The positive engagement declaration carries the signature dates of coordinator, médecin-conseil and insured.',
    source: 'DOMAIN.md section 3 (AMI trajectory launch).',
  },
  'ami.declaration-signed-before-launch': {
    code: 'ENGAGEMENT_SIGNED_AFTER_LAUNCH',
    basis: 'law',
    text: 'The three signatures of the engagement declaration do not postdate the AMI launch.',
    source: 'DOMAIN.md section 3: the launch rests on a signed positive engagement declaration.',
  },
  'ami.launch-after-contact': {
    code: 'AMI_WITHOUT_CONTACT',
    basis: 'law',
    text: 'The AMI trajectory is launched after a contact moment was held, on or before the launch date.',
    source: 'DOMAIN.md section 3: the insured consents to the trajectory at a contact moment.',
  },
  'ami.case-consistent': {
    code: 'AMI_CASE_INCONSISTENT',
    basis: 'law',
    text: 'The launch case matches the contract and the CPMT history of the dossier.',
    source: 'DOMAIN.md section 3, the four launch cases.',
  },
  'ami.suspend-running': {
    code: 'AMI_NOT_LAUNCHED',
    basis: 'hub',
    text: 'Only a running AMI trajectory is suspended.',
    source: 'Suspension pauses a running trajectory.',
  },
  'ami.suspension-for-cpmt-cases-2-3': {
    code: 'AMI_SUSPENSION_NOT_ALLOWED',
    basis: 'law',
    text: "A suspension for a CPMT trajectory at the employer's request applies to launch cases 2 and 3 only.",
    source: 'DOMAIN.md section 3: in cases 2 and 3 the AMI trajectory is suspended while it runs.',
  },
  'ami.suspension-referral-known': {
    code: 'UNKNOWN_REFERRAL',
    basis: 'hub',
    text: 'A CPMT trajectory named by its referral belongs to a referral of the dossier.',
    source: 'Referrals are matched on their id.',
  },
  'ami.suspension-not-before-launch': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'A suspension is not dated before the launch nor before the CPMT trajectory that causes it.',
    source: 'Dates in the order of the steps.',
  },
  'ami.resume-suspended': {
    code: 'AMI_NOT_SUSPENDED',
    basis: 'hub',
    text: 'Only a suspended AMI trajectory is resumed.',
    source: 'Resumption ends a suspension.',
  },
  'ami.resumption-not-before-suspension': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'A resumption is not dated before the suspension.',
    source: 'Dates in the order of the steps.',
  },
} as const satisfies Record<string, TrajectoryRule>;

import type { TrajectoryRule } from './rule.types';

/** Rules every referral shares: to the coordinator, to the CPMT, to a regional service. */
export const REFERRAL_RULES = {
  'referral.category-2-never': {
    code: 'CATEGORY_NOT_REFERABLE',
    basis: 'law',
    text: 'Capacity category 2 (return not possible for medical reasons) is referred nowhere.',
    source: 'DOMAIN.md section 3: categories 1, 3 and 4 may be referred, never 2.',
  },
  'referral.data-processing-consent': {
    code: 'DATA_PROCESSING_CONSENT_WITHDRAWN',
    basis: 'law',
    text: 'No referral follows a withdrawal of the consent to process the dossier.',
    source:
      'DOMAIN.md section 4 (law of 12 January 2023, art. 110): processing only after express written consent.',
  },
  'referral.recipient-consent': {
    code: 'CONSENT_MISSING',
    basis: 'law',
    text: "A referral to a partner needs the insured's consent for that recipient, in force.",
    source: 'DOMAIN.md sections 3 and 4: CPMT referral only with consent; exchanges need consent.',
  },
  'referral.trajectory-started': {
    code: 'TRAJECTORY_NOT_STARTED',
    basis: 'law',
    text: 'The coordinator refers to a partner within a started trajectory: after the route-A referral or an accepted route-B request.',
    source:
      'DOMAIN.md sections 1 and 3: the coordinator organises the referrals of the trajectory.',
  },
  'referral.id-unique': {
    code: 'REFERRAL_ALREADY_EXISTS',
    basis: 'hub',
    text: 'Referral ids are unique in a dossier.',
    source: 'Partner answers are matched on the referral id.',
  },
  'referral.answer-known': {
    code: 'UNKNOWN_REFERRAL',
    basis: 'hub',
    text: 'A partner answers a referral the dossier has.',
    source: 'Partner answers are matched on the referral id.',
  },
  'referral.answer-in-order': {
    code: 'REFERRAL_ANSWER_OUT_OF_ORDER',
    basis: 'hub',
    text: 'A partner answer follows the one it depends on: acceptance once, then visit or trajectory, then its assessment and end.',
    source: 'The partner protocols (ADR 0023): a missing answer is resent, not skipped.',
  },
  'referral.answer-not-before-referral': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'A partner answer is not dated before the referral or the step it follows.',
    source: 'Dates in the order of the steps.',
  },
} as const satisfies Record<string, TrajectoryRule>;

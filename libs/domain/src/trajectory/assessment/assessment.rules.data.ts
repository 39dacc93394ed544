import type { TrajectoryRule } from '../shared/rule.types';

/** Rules of the questionnaire, the capacity estimate and the routes A and B. */
export const ASSESSMENT_RULES = {
  'capacity.category-known': {
    code: 'EVENT_DATA_INVALID',
    basis: 'law',
    text: 'The estimate of remaining capacities is one of the four categories 1 to 4.',
    source: 'DOMAIN.md section 3, categories of the first estimate.',
  },
  'questionnaire.returned-after-sent': {
    code: 'QUESTIONNAIRE_NOT_SENT',
    basis: 'law',
    text: 'A questionnaire is returned after it was sent (or after an incomplete return).',
    source: 'DOMAIN.md section 3: sent in week 11, returned within 2 weeks.',
  },
  'questionnaire.returned-not-before-sent': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'A questionnaire is not received before it was sent.',
    source: 'Dates in the order of the steps.',
  },
  'coordinator.referral-needs-estimate': {
    code: 'CAPACITY_NOT_ASSESSED',
    basis: 'law',
    text: 'The médecin-conseil refers to the coordinator after estimating the remaining capacities.',
    source:
      'DOMAIN.md section 3: referral to the coordinator follows the categories of the estimate.',
  },
  'coordinator.category-after-re-estimate': {
    code: 'CATEGORY_NOT_YET_REFERABLE',
    basis: 'law',
    text: 'Category 4 is referred to the coordinator first; categories 1 and 3 only after a re-estimate.',
    source:
      'DOMAIN.md section 3: category 4 first, categories 1 and 3 possibly later (the wording of category 3 is secondary).',
    configurable: 'policy coordinatorReferral',
  },
  'coordinator.referral-not-before-estimate': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'The referral to the coordinator is not dated before the estimate it follows.',
    source: 'Dates in the order of the steps.',
  },
  'routeb.decision-needs-request': {
    code: 'ROUTE_B_NOT_REQUESTED',
    basis: 'law',
    text: 'The médecin-conseil decides on a pending route-B request of the insured.',
    source: 'DOMAIN.md section 3: route B starts at the insured’s request.',
  },
  'routeb.decision-not-before-request': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'A route-B decision is not dated before the request.',
    source: 'Dates in the order of the steps.',
  },
} as const satisfies Record<string, TrajectoryRule>;

import type { TrajectoryRule } from '../shared/rule.types';

/** Rules of referrals to the regional employment and training services. */
export const REGIONAL_RULES = {
  'regional.competent-for-residence': {
    code: 'REGIONAL_SERVICE_NOT_COMPETENT',
    basis: 'law',
    text: "A regional referral goes to the service competent for the insured's residence.",
    source:
      'DOMAIN.md section 6: the residence decides, not the employer (postal codes partly secondary; NIS code preferred).',
    configurable: 'reference data POSTAL_CODE_RANGES and GERMAN_SPEAKING_NIS_CODES',
  },
  'regional.own-disability-partner': {
    code: 'DISABILITY_PARTNER_MISMATCH',
    basis: 'law',
    text: "A disability partner named in a regional referral is the service's own (GTB for VDAB, AViQ for Le Forem).",
    source: 'DOMAIN.md section 2 (actors).',
    configurable: 'reference data REGIONAL_SERVICES',
  },
} as const satisfies Record<string, TrajectoryRule>;

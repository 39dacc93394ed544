import type { TrajectoryRule } from '../shared/rule.types';

/** Rules of referrals to the CPMT (the employer's occupational physician). */
export const CPMT_RULES = {
  'cpmt.needs-contract': {
    code: 'NO_EMPLOYMENT_CONTRACT',
    basis: 'law',
    text: 'A CPMT referral needs an employment contract.',
    source: 'DOMAIN.md section 3: only if bound by an employment contract.',
  },
  'cpmt.enterprise-numbers-valid': {
    code: 'ENTERPRISE_NUMBER_INVALID',
    basis: 'law',
    text: 'The enterprise numbers of employer and prevention service pass their mod-97 check.',
    source: 'DOMAIN.md section 6 (KBO/BCE enterprise number).',
  },
} as const satisfies Record<string, TrajectoryRule>;

import type { TrajectoryRule } from '../shared/rule.types';

/** Rules of contact moments, missed examinations and allowance reductions. */
export const CONTACT_RULES = {
  'contact.outcome-needs-schedule': {
    code: 'UNKNOWN_CONTACT',
    basis: 'hub',
    text: 'Only a scheduled contact moment is held or missed.',
    source: 'Contact outcomes are matched on the contact id.',
  },
  'contact.outcome-once': {
    code: 'CONTACT_ALREADY_RECORDED',
    basis: 'hub',
    text: 'A contact moment is held or missed once.',
    source: 'A contact moment has one outcome; a new moment gets a new id.',
  },
  'contact.outcome-not-before-date': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'A contact moment is not held or missed before its date.',
    source: 'Dates in the order of the steps.',
  },
  'reduction.needs-unjustified-absence': {
    code: 'REDUCTION_WITHOUT_ABSENCE',
    basis: 'law',
    text: 'An allowance reduction follows an unjustified absence of its cause, the medical examination or the first contact moment, that caused no earlier reduction.',
    source:
      'DOMAIN.md section 3: unjustified absence at the medical examination or the first contact moment.',
  },
  'reduction.rate-of-scheme': {
    code: 'REDUCTION_RATE_NOT_ALLOWED',
    basis: 'law',
    text: 'The reduction is 2.5 % of the daily allowance; for the self-employed and helping spouses at most 2.5 %.',
    source: 'DOMAIN.md section 3 (unjustified absence).',
    configurable: 'policy allowanceReduction',
  },
  'reduction.incapacity-from-2023': {
    code: 'REDUCTION_NOT_APPLICABLE',
    basis: 'law',
    text: 'Only incapacities that started on or after 1 January 2023 lead to an allowance reduction.',
    source: 'DOMAIN.md section 3 (unjustified absence).',
    configurable: 'policy allowanceReduction',
  },
  'reduction.one-at-a-time': {
    code: 'REDUCTION_ALREADY_RUNNING',
    basis: 'hub',
    text: 'A new reduction waits for the end of the running one.',
    source: 'The reduction events carry no id: an end must name one reduction without doubt.',
  },
  'reduction.end-needs-running': {
    code: 'REDUCTION_NOT_RUNNING',
    basis: 'hub',
    text: 'Only a running reduction ends.',
    source: 'An end closes the running reduction.',
  },
  'reduction.end-not-before-start': {
    code: 'DATE_BEFORE_PRECEDING_STEP',
    basis: 'hub',
    text: 'A reduction does not end before it took effect.',
    source: 'Dates in the order of the steps.',
  },
} as const satisfies Record<string, TrajectoryRule>;

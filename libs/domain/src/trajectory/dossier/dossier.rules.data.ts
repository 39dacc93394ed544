import type { TrajectoryRule } from '../shared/rule.types';

/** Rules of the dossier's life that hold for every event, and of the dossier's own events. */
export const DOSSIER_RULES = {
  'event.type-supported': {
    code: 'EVENT_TYPE_UNSUPPORTED',
    basis: 'hub',
    text: 'Only event types the state machine knows change a dossier.',
    source: 'ADR 0011: input may come from a newer contract than this code; refuse, never guess.',
  },
  'dossier.opened-first': {
    code: 'DOSSIER_NOT_OPEN',
    basis: 'hub',
    text: 'Every event of a dossier follows its be.rtw.dossier.opened.',
    source: 'The opening carries the facts every other rule reads (scheme, contract, incapacity).',
  },
  'dossier.opened-once': {
    code: 'DOSSIER_ALREADY_OPEN',
    basis: 'hub',
    text: 'A dossier is opened once.',
    source: 'One dossier id, one Dossier Retour Au Travail (DOMAIN.md section 4).',
  },
  'dossier.owned-by-insurer': {
    code: 'INSURER_MISMATCH',
    basis: 'law',
    text: 'Only the insurer that opened the dossier publishes its events.',
    source: 'DOMAIN.md section 4: each insurer is controller of its own data.',
  },
  'dossier.closed-takes-incapacity-end-only': {
    code: 'DOSSIER_CLOSED',
    basis: 'hub',
    text: 'After closure a dossier takes only the end of the incapacity.',
    source: 'DOMAIN.md section 3: retention counts from the closure of the incapacity file.',
  },
  'dossier.insurer-runs-trajectories': {
    code: 'INSURER_UNKNOWN',
    basis: 'secondary',
    text: 'Only a known insurer that runs trajectories opens dossiers.',
    source: 'DOMAIN.md section 2: insurer codes are partly secondary; HR Rail sends no data.',
    configurable: 'reference data INSURERS',
  },
  'dossier.niss-valid': {
    code: 'NISS_INVALID',
    basis: 'law',
    text: "The insured's NISS or BIS number passes its format, date and check-digit rules.",
    source: 'DOMAIN.md section 6 (National Register and BIS numbers).',
  },
  'date.not-before-incapacity-start': {
    code: 'DATE_BEFORE_INCAPACITY_START',
    basis: 'hub',
    text: 'No step of the trajectory, its closure or the end of the incapacity precedes the incapacity start.',
    source:
      'DOMAIN.md sections 1 and 3: the trajectory follows the incapacity it is about; its clocks count from the start.',
  },
} as const satisfies Record<string, TrajectoryRule>;

import type { AnswerVocabulary } from '../answers/answer.vocabulary';
import type { CpmtAnswerType } from '../answers/partner-answer.types';

const SAME = <T extends string>(...codes: T[]): Readonly<Record<T, T>> =>
  Object.fromEntries(codes.map((code) => [code, code])) as Record<T, T>;

/**
 * The CPMT's answers (`urn:rtw:partner:cpmt:answer:v1`). Prevention services work in all three
 * languages, so this contract is in English and its codes are the canonical ones.
 */
export const CPMT_ANSWERS: AnswerVocabulary<CpmtAnswerType> = {
  header: {
    messageId: 'messageId',
    sentAt: 'sentAt',
    references: 'references',
    dossier: 'dossier',
    referral: 'referral',
  },
  kinds: {
    'be.rtw.cpmt.referral.accepted': {
      element: 'referralAccepted',
      fields: { acceptedOn: { name: 'date' } },
    },
    'be.rtw.cpmt.referral.rejected': {
      element: 'referralRefused',
      fields: {
        rejectedOn: { name: 'date' },
        reason: {
          name: 'reason',
          codes: SAME(
            'unknown-employer',
            'not-competent',
            'incomplete-request',
            'duplicate',
            'other',
          ),
        },
      },
    },
    'be.rtw.cpmt.visit.held': {
      element: 'visitHeld',
      fields: {
        heldOn: { name: 'date' },
        reintegrationTrajectoryRequested: { name: 'reintegrationTrajectoryRequested' },
      },
    },
    'be.rtw.cpmt.trajectory.started': {
      element: 'trajectoryStarted',
      fields: {
        startedOn: { name: 'date' },
        requestedBy: { name: 'requestedBy', codes: SAME('insured', 'employer', 'medical-advisor') },
      },
    },
    'be.rtw.cpmt.assessment.decided': {
      element: 'assessmentDecided',
      fields: {
        decision: { name: 'decision', codes: SAME('A', 'B', 'C') },
        decidedOn: { name: 'date' },
      },
    },
    'be.rtw.cpmt.trajectory.ended': {
      element: 'trajectoryEnded',
      fields: {
        endedOn: { name: 'date' },
        outcome: {
          name: 'outcome',
          codes: SAME(
            'adapted-work',
            'other-work',
            'definitively-unfit',
            'no-plan-possible',
            'stopped',
          ),
        },
      },
    },
  },
};

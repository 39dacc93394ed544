import type { AnswerVocabulary } from '../answers/answer.vocabulary';
import type { RegionalAnswerType } from '../answers/partner-answer.types';

/** Le Forem's answers (`urn:rtw:partner:forem:reponse:v1`), in French. */
export const FOREM_ANSWERS: AnswerVocabulary<RegionalAnswerType> = {
  header: {
    messageId: 'identifiantMessage',
    sentAt: 'envoyeLe',
    references: 'references',
    dossier: 'dossier',
    referral: 'demande',
  },
  kinds: {
    'be.rtw.regional.registration.acknowledged': {
      element: 'inscriptionConfirmee',
      fields: { serviceReference: { name: 'referenceForem' }, acknowledgedOn: { name: 'date' } },
    },
    'be.rtw.regional.registration.rejected': {
      element: 'inscriptionRefusee',
      fields: {
        reason: {
          name: 'motif',
          codes: {
            'not-competent': 'non-competent',
            'incomplete-form': 'formulaire-incomplet',
            duplicate: 'doublon',
            other: 'autre',
          },
        },
        rejectedOn: { name: 'date' },
      },
    },
    'be.rtw.regional.insured.presented': {
      element: 'presentation',
      fields: { presentedOn: { name: 'date' } },
    },
    'be.rtw.regional.trajectory.started': {
      element: 'trajetDemarre',
      fields: { startedOn: { name: 'date' } },
    },
    'be.rtw.regional.trajectory.ended': {
      element: 'trajetTermine',
      fields: {
        endedOn: { name: 'date' },
        outcome: {
          name: 'resultat',
          codes: {
            employed: 'emploi',
            'training-completed': 'formation-terminee',
            stopped: 'arret',
            'referred-back': 'renvoi',
          },
        },
      },
    },
  },
};

import type { AnswerVocabulary } from './answer.vocabulary';
import type { RegionalAnswerType } from './partner-answer.types';

/**
 * The French vocabulary of a regional service's answers, as Actiris (FIA answers) and Le Forem
 * use it in our model of their formats; only the name of the service's own reference differs.
 * When a service publishes its real format and it differs, give it a vocabulary of its own.
 */
export function frenchRegionalAnswers(
  serviceReference: string,
): AnswerVocabulary<RegionalAnswerType> {
  return {
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
        fields: { serviceReference: { name: serviceReference }, acknowledgedOn: { name: 'date' } },
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
}

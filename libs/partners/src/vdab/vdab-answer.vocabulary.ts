import type { AnswerVocabulary } from '../answers/answer.vocabulary';
import type { RegionalAnswerType } from '../answers/partner-answer.types';

/** VDAB's answers (`urn:rtw:partner:vdab:antwoord:v1`), in Dutch. */
export const VDAB_ANSWERS: AnswerVocabulary<RegionalAnswerType> = {
  header: {
    messageId: 'berichtId',
    sentAt: 'verzondenOp',
    references: 'referenties',
    dossier: 'dossier',
    referral: 'aanvraag',
  },
  kinds: {
    'be.rtw.regional.registration.acknowledged': {
      element: 'inschrijvingBevestigd',
      fields: { serviceReference: { name: 'vdabReferentie' }, acknowledgedOn: { name: 'datum' } },
    },
    'be.rtw.regional.registration.rejected': {
      element: 'inschrijvingGeweigerd',
      fields: {
        reason: {
          name: 'reden',
          codes: {
            'not-competent': 'niet-bevoegd',
            'incomplete-form': 'onvolledig-formulier',
            duplicate: 'dubbel',
            other: 'andere',
          },
        },
        rejectedOn: { name: 'datum' },
      },
    },
    'be.rtw.regional.insured.presented': {
      element: 'aangemeld',
      fields: { presentedOn: { name: 'datum' } },
    },
    'be.rtw.regional.trajectory.started': {
      element: 'trajectGestart',
      fields: { startedOn: { name: 'datum' } },
    },
    'be.rtw.regional.trajectory.ended': {
      element: 'trajectBeeindigd',
      fields: {
        endedOn: { name: 'datum' },
        outcome: {
          name: 'resultaat',
          codes: {
            employed: 'werk',
            'training-completed': 'opleiding-voltooid',
            stopped: 'stopgezet',
            'referred-back': 'terugverwezen',
          },
        },
      },
    },
  },
};

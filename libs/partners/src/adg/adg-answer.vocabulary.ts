import type { AnswerVocabulary } from '../answers/answer.vocabulary';
import type { RegionalAnswerType } from '../answers/partner-answer.types';

/** ADG's answers (`urn:rtw:partner:adg:antwort:v1`), in German. */
export const ADG_ANSWERS: AnswerVocabulary<RegionalAnswerType> = {
  header: {
    messageId: 'nachrichtId',
    sentAt: 'gesendetAm',
    references: 'referenzen',
    dossier: 'dossier',
    referral: 'antrag',
  },
  kinds: {
    'be.rtw.regional.registration.acknowledged': {
      element: 'anmeldungBestaetigt',
      fields: { serviceReference: { name: 'adgReferenz' }, acknowledgedOn: { name: 'datum' } },
    },
    'be.rtw.regional.registration.rejected': {
      element: 'anmeldungAbgelehnt',
      fields: {
        reason: {
          name: 'grund',
          codes: {
            'not-competent': 'nicht-zustaendig',
            'incomplete-form': 'formular-unvollstaendig',
            duplicate: 'doppelt',
            other: 'sonstiges',
          },
        },
        rejectedOn: { name: 'datum' },
      },
    },
    'be.rtw.regional.insured.presented': {
      element: 'vorgestellt',
      fields: { presentedOn: { name: 'datum' } },
    },
    'be.rtw.regional.trajectory.started': {
      element: 'wegBegonnen',
      fields: { startedOn: { name: 'datum' } },
    },
    'be.rtw.regional.trajectory.ended': {
      element: 'wegBeendet',
      fields: {
        endedOn: { name: 'datum' },
        outcome: {
          name: 'ergebnis',
          codes: {
            employed: 'beschaeftigung',
            'training-completed': 'ausbildung-abgeschlossen',
            stopped: 'abgebrochen',
            'referred-back': 'zurueckverwiesen',
          },
        },
      },
    },
  },
};

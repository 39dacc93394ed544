import type { AnswerVocabulary } from '../answers/answer.vocabulary';
import { frenchRegionalAnswers } from '../answers/french-regional-answers.vocabulary';
import type { RegionalAnswerType } from '../answers/partner-answer.types';

/** Actiris's answers (`urn:rtw:partner:actiris:reponse:v1`) in the French of the FIA. */
export const ACTIRIS_ANSWERS: AnswerVocabulary<RegionalAnswerType> =
  frenchRegionalAnswers('referenceActiris');

import type { AnswerVocabulary } from '../answers/answer.vocabulary';
import { frenchRegionalAnswers } from '../answers/french-regional-answers.vocabulary';
import type { RegionalAnswerType } from '../answers/partner-answer.types';

/** Le Forem's answers (`urn:rtw:partner:forem:reponse:v1`), in French. */
export const FOREM_ANSWERS: AnswerVocabulary<RegionalAnswerType> =
  frenchRegionalAnswers('referenceForem');

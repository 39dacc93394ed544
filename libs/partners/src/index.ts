// Public API of @rtw/partners: the partner contracts (schemas/partners), framework-free. Builds
// each partner's referral message from a dossier view and a referral event, translates partner
// answers into canonical events, and gives the partner sandbox the reverse helpers (ADR 0051).
export {
  PartnerContracts,
  type PartnerContractsOptions,
  type ReadMessage,
  type RegionalReferralDocument,
} from './partner-contracts';
export {
  PARTNER_CODES,
  PARTNER_CONTRACTS,
  isPartnerCode,
  type PartnerCode,
  type PartnerContract,
  type PartnerDocumentContract,
  type PartnerMediaType,
} from './registry/partner-contracts.data';
export { PARTNER_ERROR_CODES, PartnerError, type PartnerErrorCode } from './errors/partner.error';
export {
  INAMI_DATASET_CONTRACT,
  INAMI_DATASET_MAX_BYTES,
  InamiDatasetContract,
} from './inami/inami-dataset.contract';
export type {
  ConsentScope,
  CoordinatorContact,
  CpmtReferralInput,
  MessageContext,
  PartnerDossierView,
  RegionalReferralInput,
} from './dossier/partner-dossier-view.types';
export { contactLanguage, requireCompetentService } from './dossier/referral.checks';
export { partnerMediaType } from './documents/media-type';
export type { PartnerDocument, ReceivedDocument } from './documents/partner-document.types';
export type {
  CanonicalAnswerEvent,
  CanonicalAnswerType,
  CpmtAnswerType,
  PartnerAnswer,
  RegionalAnswerType,
  TranslatedAnswer,
} from './answers/partner-answer.types';
export type { FiaV1 } from './actiris/fia.types';
export type { FifV1 } from './forem/fif.types';
export type { AmfV1 } from './vdab/amf.types';
export type { IfaV1 } from './adg/ifa.types';
export type { CpmtReferralV1 } from './cpmt/cpmt-referral.types';

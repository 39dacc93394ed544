// Public API of @rtw/registers: the read side of the tracker's consent and relation registers
// ("may organisation X send or receive data about dossier D now?"). Only the tracker writes them.
export { DossierRegisters } from './dossier-registers';
export {
  CONSENT_SCOPE_OF,
  EXCHANGE_REFUSALS,
  type ConsentScope,
  type DossierConsent,
  type DossierFacts,
  type DossierRelation,
  type ExchangeRefusal,
  type ExchangeVerdict,
  type PartnerRef,
  type RelationEndReason,
} from './registers.types';

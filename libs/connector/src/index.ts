// Public API of @rtw/connector: the kit the three connector apps share (ADR 0065). Framework-free:
// each app wires these classes into its Nest module. A connector reads accepted dossier events,
// keeps its own copy of each dossier, decides each of its referrals (send or withhold), and writes
// the prepared message or the insurer's notice to the outbox in the same transaction.
export {
  CONNECTOR_ERROR_CODES,
  ConnectorError,
  type ConnectorErrorCode,
} from './errors/connector.error';
export {
  connectorConfigSpec,
  connectorGroupId,
  connectorGroupKey,
  type ConnectorConfig,
} from './config/connector.config';
export {
  DOSSIER_PURGED,
  VIEW_EVENT_VERSIONS,
  changesView,
  evolveView,
  type ConnectorDossierView,
} from './view/dossier-view.reducer';
export {
  WITHHELD_REASONS,
  withheldMessage,
  type WithheldReason,
} from './referral/withheld-reasons.data';
export type { ConnectorReferral, ReferralTranslator, Withholding } from './referral/referral.types';
export {
  decideReferral,
  type ReferralCase,
  type ReferralDecision,
} from './referral/referral.decision';
export {
  presentationDeadline,
  regionalReferralTranslator,
} from './referral/regional-referral.translator';
export { cpmtReferralTranslator } from './referral/cpmt-referral.translator';
export { derivedMessageId, type DerivedMessageKind } from './messages/message-id';
export { HUB_SOURCE } from './messages/partner-message.events';
export { connectorMetrics, type ConnectorMetrics } from './metrics/connector.metrics';
export {
  ConnectorProcessor,
  type ConnectorProcessorOptions,
} from './processing/connector.processor';
export { connectorRetryPolicy, isDatabaseOutage } from './processing/database-failure';
export { connectorTopology } from './processing/connector.topology';
export { InsurerContacts, type InsurerContactEntry } from './reference-data/insurer-contacts';
export {
  PreventionServiceDirectory,
  type PreventionService,
} from './reference-data/prevention-services';
export type { ReferenceFileOptions } from './reference-data/reference-file.loader';

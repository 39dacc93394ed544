// Public API of @rtw/connector-host: the Nest wiring the three connector apps share. The connector
// kit (@rtw/connector) stays framework-free (ADR 0065); this layer sits on top of it and of the
// runtime, so each connector app's module is only its translator and its reference data.
export {
  REFERRAL_TRANSLATOR,
  connectorProviders,
  type ConnectorAppConfig,
} from './connector.providers';
export { DOSSIER_EVENTS_COMPONENT, DossierEventsConsumer } from './dossier-events.consumer';

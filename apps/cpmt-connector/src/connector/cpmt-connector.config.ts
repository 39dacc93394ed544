import { connectorConfigSpec } from '@rtw/connector';
import type { ConnectorAppConfig } from '@rtw/connector-host';
import { env, type ConfigOf } from '@rtw/platform';

/** The CPMT connector's settings: the kit's, and where its prevention services directory is. */
export const CPMT_CONNECTOR_CONFIG_SPEC = {
  ...connectorConfigSpec('cpmt-connector'),
  CPMT_PREVENTION_SERVICES_FILE: env.str({
    default: 'config/prevention-services.json',
    description: 'Prevention services referrals may be routed to (each needs a delivery entry too)',
  }),
};

/** The CPMT connector's validated configuration. */
export type CpmtConnectorConfig = ConnectorAppConfig & ConfigOf<typeof CPMT_CONNECTOR_CONFIG_SPEC>;

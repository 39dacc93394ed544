import type { Provider } from '@nestjs/common';
import { resolve } from 'node:path';
import {
  ConnectorProcessor,
  InsurerContacts,
  type ConnectorConfig,
  type ReferralTranslator,
} from '@rtw/connector';
import { ContractRegistry } from '@rtw/contracts';
import { PartnerContracts } from '@rtw/partners';
import type { Clock, Logger } from '@rtw/platform';
import {
  DatabaseConnection,
  HUB_CLOCK,
  HUB_CONFIG,
  HUB_LOGGER,
  type HubConfig,
} from '@rtw/runtime';

/** Injection token of the connector's referral translator. */
export const REFERRAL_TRANSLATOR = Symbol('REFERRAL_TRANSLATOR');

/** The connector's validated configuration. */
export type ConnectorAppConfig = HubConfig & ConnectorConfig;

/**
 * The kit's classes, built once per process; the translator too when its factory needs nothing
 * (otherwise the module provides REFERRAL_TRANSLATOR itself). Reference data is read and checked
 * here, so a bad file stops the boot with a ConfigError naming the key (exit 78).
 */
export function connectorProviders(translator?: () => ReferralTranslator): Provider[] {
  return [
    ...(translator ? [{ provide: REFERRAL_TRANSLATOR, useFactory: translator }] : []),
    { provide: ContractRegistry, useFactory: () => ContractRegistry.load() },
    { provide: PartnerContracts, useFactory: () => PartnerContracts.load() },
    {
      provide: InsurerContacts,
      inject: [HUB_CONFIG],
      useFactory: (config: ConnectorAppConfig) =>
        InsurerContacts.load({
          file: resolve(config.CONNECTOR_INSURER_CONTACTS_FILE),
          configKey: 'CONNECTOR_INSURER_CONTACTS_FILE',
          production: config.NODE_ENV === 'production',
        }),
    },
    {
      provide: ConnectorProcessor,
      inject: [
        HUB_CONFIG,
        HUB_LOGGER,
        HUB_CLOCK,
        REFERRAL_TRANSLATOR,
        DatabaseConnection,
        ContractRegistry,
        PartnerContracts,
        InsurerContacts,
      ],
      useFactory: (
        config: ConnectorAppConfig,
        logger: Logger,
        clock: Clock,
        referrals: ReferralTranslator,
        database: DatabaseConnection,
        contracts: ContractRegistry,
        partnerContracts: PartnerContracts,
        insurerContacts: InsurerContacts,
      ) =>
        new ConnectorProcessor({
          connector: config.app,
          translator: referrals,
          dataSource: database.dataSource,
          contracts,
          partnerContracts,
          insurerContacts,
          clock,
          logger: logger.child({ context: 'Connector' }),
        }),
    },
  ];
}

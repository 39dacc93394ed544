import { Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { PreventionServiceDirectory, cpmtReferralTranslator } from '@rtw/connector';
import {
  DossierEventsConsumer,
  REFERRAL_TRANSLATOR,
  connectorProviders,
} from '@rtw/connector-host';
import { HUB_CONFIG } from '@rtw/runtime';
import type { CpmtConnectorConfig } from './connector/cpmt-connector.config';

/**
 * Translates accepted CPMT referrals (pre-reintegration visit, reintegration trajectory) into the
 * CPMT contract for the prevention service the referral names, keeping only what the occupational
 * physician may see, and hands them to delivery on rtw.outbound.cpmt.v1; tells the insurer when
 * one is withheld. The logic is the connector kit's (@rtw/connector).
 */
@Module({
  providers: [
    ...connectorProviders(),
    {
      provide: PreventionServiceDirectory,
      inject: [HUB_CONFIG],
      useFactory: (config: CpmtConnectorConfig) =>
        PreventionServiceDirectory.load({
          file: resolve(config.CPMT_PREVENTION_SERVICES_FILE),
          configKey: 'CPMT_PREVENTION_SERVICES_FILE',
          production: config.NODE_ENV === 'production',
        }),
    },
    {
      provide: REFERRAL_TRANSLATOR,
      inject: [PreventionServiceDirectory],
      useFactory: cpmtReferralTranslator,
    },
    DossierEventsConsumer,
  ],
})
export class CpmtConnectorModule {}

import { Module } from '@nestjs/common';
import { regionalReferralTranslator } from '@rtw/connector';
import { DossierEventsConsumer, connectorProviders } from '@rtw/connector-host';

/**
 * Builds Actiris registration forms (FIA, XML) from accepted regional referrals of Brussels
 * residents and hands them to delivery on rtw.outbound.actiris.v1; tells the insurer when one is
 * withheld. The logic is the connector kit's (@rtw/connector); this module wires it.
 */
@Module({
  providers: [
    ...connectorProviders(() => regionalReferralTranslator(['actiris'])),
    DossierEventsConsumer,
  ],
})
export class ActirisConnectorModule {}

import { Module } from '@nestjs/common';
import { regionalReferralTranslator } from '@rtw/connector';
import { DossierEventsConsumer, connectorProviders } from '@rtw/connector-host';

/**
 * Builds the referral forms of VDAB (AMF, Dutch), Le Forem (FIF, French XML) and ADG (IFA,
 * German) from accepted regional referrals, for the service competent for the insured's residence,
 * and hands them to delivery on rtw.outbound.<service>.v1; tells the insurer when one is withheld.
 * Actiris has its own connector. The logic is the connector kit's (@rtw/connector).
 */
@Module({
  providers: [
    ...connectorProviders(() => regionalReferralTranslator(['vdab', 'forem', 'adg'])),
    DossierEventsConsumer,
  ],
})
export class RegionalConnectorModule {}

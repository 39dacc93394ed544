import type { Provider } from '@nestjs/common';
import { SubmissionService } from '@rtw/ingress';
import { PartnerContracts } from '@rtw/partners';
import { DossierRegisters } from '@rtw/registers';
import { HUB_CONFIG } from '@rtw/runtime';
import type { GatewayConfig } from '../config/gateway.config';
import { PartnerAnswerService } from './partner-answer.service';

/** The partner contracts, compiled once (XSDs on libxml2-wasm), freed at shutdown. */
class LoadedPartnerContracts {
  constructor(readonly contracts: PartnerContracts) {}

  async onApplicationShutdown(): Promise<void> {
    await this.contracts.dispose();
  }
}

/** The partner-answer path: contracts, registers and the shared submission service. */
export const PARTNER_ANSWER_PROVIDERS: Provider[] = [
  {
    provide: LoadedPartnerContracts,
    inject: [HUB_CONFIG],
    useFactory: async (config: GatewayConfig) =>
      new LoadedPartnerContracts(
        await PartnerContracts.load({ maxDocumentBytes: config.GATEWAY_ANSWER_MAX_BYTES }),
      ),
  },
  {
    provide: PartnerAnswerService,
    inject: [LoadedPartnerContracts, DossierRegisters, SubmissionService],
    useFactory: (
      loaded: LoadedPartnerContracts,
      registers: DossierRegisters,
      submissions: SubmissionService,
    ) => new PartnerAnswerService({ contracts: loaded.contracts, registers, submissions }),
  },
];

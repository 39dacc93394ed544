import type { HubAppDefinition } from '@rtw/runtime';
import { PartnerSandboxModule } from './partner-sandbox.module';

/** The partner-sandbox process: its name, feature module, port and dependencies. */
export const PARTNER_SANDBOX_APP: HubAppDefinition = {
  app: 'partner-sandbox',
  feature: PartnerSandboxModule,
  port: { key: 'PARTNER_SANDBOX_PORT', default: 3004 },
  // A stand-in for systems outside the hub: it needs neither the hub's broker nor its database.
  kafka: false,
  database: false,
};

import type { HubAppDefinition } from '@rtw/runtime';
import { partnerSandboxConfigSpec } from './config/partner-sandbox.config';
import { PartnerSandboxModule } from './partner-sandbox.module';

/** The partner sandbox for a given environment (the dev-keys rule reads NODE_ENV from it). */
export function partnerSandboxApp(environment: NodeJS.ProcessEnv = process.env): HubAppDefinition {
  return {
    app: 'partner-sandbox',
    feature: PartnerSandboxModule,
    port: { key: 'PARTNER_SANDBOX_PORT', default: 3004 },
    configSpec: partnerSandboxConfigSpec(environment),
    // A stand-in for systems outside the hub: it needs neither the hub's broker nor its database.
    kafka: false,
    database: false,
    // Signatures are over the exact bytes received: no framework parser may read a body first.
    bodyParser: false,
  };
}

/** The partner-sandbox process: its name, feature module, port and dependencies. */
export const PARTNER_SANDBOX_APP: HubAppDefinition = partnerSandboxApp(process.env);

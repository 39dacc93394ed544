import type { HubAppDefinition } from '@rtw/runtime';
import { gatewayConfigSpec } from './config/gateway.config';
import { GatewayModule } from './gateway.module';

/** The gateway process for a given environment (the dev-keys rule reads NODE_ENV from it). */
export function gatewayApp(environment: NodeJS.ProcessEnv = process.env): HubAppDefinition {
  return {
    app: 'gateway',
    feature: GatewayModule,
    port: { key: 'GATEWAY_PORT', default: 3000 },
    configSpec: gatewayConfigSpec(environment),
    // The gateway reads bodies itself (size limits, strict JSON, ADR 0025); the framework's parser
    // would read application/json and forms first, under its own rules.
    bodyParser: false,
  };
}

/** The gateway process: its name, feature module, port and configuration, for this process's environment. */
export const GATEWAY_APP: HubAppDefinition = gatewayApp(process.env);

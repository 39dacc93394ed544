import type { HubAppDefinition } from '@rtw/runtime';
import { GatewayModule } from './gateway.module';

/** The gateway process: its name, feature module, port and dependencies. */
export const GATEWAY_APP: HubAppDefinition = {
  app: 'gateway',
  feature: GatewayModule,
  port: { key: 'GATEWAY_PORT', default: 3000 },
};

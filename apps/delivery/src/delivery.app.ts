import type { HubAppDefinition } from '@rtw/runtime';
import { DeliveryModule } from './delivery.module';

/** The delivery process: its name, feature module, port and dependencies. */
export const DELIVERY_APP: HubAppDefinition = {
  app: 'delivery',
  feature: DeliveryModule,
  port: { key: 'DELIVERY_PORT', default: 3002 },
};

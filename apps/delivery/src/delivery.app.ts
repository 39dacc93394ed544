import type { HubAppDefinition } from '@rtw/runtime';
import { DELIVERY_CONFIG_SPEC } from './config/delivery.config';
import { DeliveryModule } from './delivery.module';

/** The delivery process: its name, feature module, port and configuration. */
export const DELIVERY_APP: HubAppDefinition = {
  app: 'delivery',
  feature: DeliveryModule,
  port: { key: 'DELIVERY_PORT', default: 3002 },
  configSpec: DELIVERY_CONFIG_SPEC,
};

import type { Provider } from '@nestjs/common';
import type { Logger } from '@rtw/platform';
import { HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import type { MonitorConfig } from '../config/monitor.config';
import { DeliveryApi, TrackerApi } from './support-api.client';
import { SupportTokenSigner } from './support-token.signer';

/** The tracker's and delivery's audiences (their `*_JWT_AUDIENCE` defaults). */
const TRACKER_AUDIENCE = 'urn:rtw:hub:tracker';
const DELIVERY_AUDIENCE = 'urn:rtw:hub:delivery';

/** The support token signer and the clients of the two support APIs. */
export const SUPPORT_API_PROVIDERS: Provider[] = [
  {
    provide: SupportTokenSigner,
    inject: [HUB_CONFIG],
    useFactory: (config: MonitorConfig) =>
      SupportTokenSigner.load(
        config.MONITOR_SUPPORT_SIGNING_KEYS_FILE,
        config.MONITOR_SUPPORT_ORGANISATION,
      ),
  },
  {
    provide: TrackerApi,
    inject: [HUB_CONFIG, HUB_LOGGER, SupportTokenSigner],
    useFactory: (config: MonitorConfig, logger: Logger, signer: SupportTokenSigner) =>
      new TrackerApi(
        { service: 'tracker', baseUrl: config.MONITOR_TRACKER_URL, audience: TRACKER_AUDIENCE },
        signer,
        {
          timeoutMs: config.MONITOR_UPSTREAM_TIMEOUT_MS,
          logger: logger.child({ context: 'TrackerApi' }),
        },
      ),
  },
  {
    provide: DeliveryApi,
    inject: [HUB_CONFIG, HUB_LOGGER, SupportTokenSigner],
    useFactory: (config: MonitorConfig, logger: Logger, signer: SupportTokenSigner) =>
      new DeliveryApi(
        { service: 'delivery', baseUrl: config.MONITOR_DELIVERY_URL, audience: DELIVERY_AUDIENCE },
        signer,
        {
          timeoutMs: config.MONITOR_UPSTREAM_TIMEOUT_MS,
          logger: logger.child({ context: 'DeliveryApi' }),
        },
      ),
  },
];

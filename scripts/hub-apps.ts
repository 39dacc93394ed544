// THE list of the hub's processes: their definitions (name, port variable and default, config).
// Everything else that names the apps is checked against it by scripts/hub-apps.spec.ts: the
// launcher's list (scripts/lib/apps.mjs), the README's table and docker-compose.yml.
import type { HubAppDefinition } from '@rtw/runtime';
import { ACTIRIS_CONNECTOR_APP } from '../apps/actiris-connector/src/actiris-connector.app';
import { CPMT_CONNECTOR_APP } from '../apps/cpmt-connector/src/cpmt-connector.app';
import { DELIVERY_APP } from '../apps/delivery/src/delivery.app';
import { GATEWAY_APP } from '../apps/gateway/src/gateway.app';
import { INAMI_EVALUATION_APP } from '../apps/inami-evaluation/src/inami-evaluation.app';
import { MONITOR_APP } from '../apps/monitor/src/monitor.app';
import { PARTNER_SANDBOX_APP } from '../apps/partner-sandbox/src/partner-sandbox.app';
import { REGIONAL_CONNECTOR_APP } from '../apps/regional-connector/src/regional-connector.app';
import { TRACKER_APP } from '../apps/tracker/src/tracker.app';

/** Every hub process, in the order of the README's table. */
export const HUB_APPS: readonly HubAppDefinition[] = [
  GATEWAY_APP,
  TRACKER_APP,
  DELIVERY_APP,
  MONITOR_APP,
  PARTNER_SANDBOX_APP,
  CPMT_CONNECTOR_APP,
  ACTIRIS_CONNECTOR_APP,
  REGIONAL_CONNECTOR_APP,
  INAMI_EVALUATION_APP,
];

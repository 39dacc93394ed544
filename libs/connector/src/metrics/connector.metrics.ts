// Prometheus metrics of the connectors. Labels are bounded sets (connector, partner, reason code):
// never a dossier id, a referral id or an organisation code.
import { Counter, register, type Registry } from 'prom-client';
import type { WithheldReason } from '../referral/withheld-reasons.data';

/** What the connector kit counts. */
export interface ConnectorMetrics {
  prepared(labels: { connector: string; partner: string }): void;
  withheld(labels: { connector: string; partner: string; reason: WithheldReason }): void;
}

const PREPARED = 'rtw_connector_messages_prepared_total';
const WITHHELD = 'rtw_connector_messages_withheld_total';

/**
 * The metrics in a registry (the default one unless given). prom-client refuses a name twice, so a
 * second call returns the metric objects already registered.
 */
export function connectorMetrics(registry: Registry = register): ConnectorMetrics {
  const prepared =
    (registry.getSingleMetric(PREPARED) as Counter<'connector' | 'partner'> | undefined) ??
    new Counter({
      name: PREPARED,
      help: 'Partner messages built and handed to delivery, by connector and partner',
      labelNames: ['connector', 'partner'] as const,
      registers: [registry],
    });
  const withheld =
    (registry.getSingleMetric(WITHHELD) as
      Counter<'connector' | 'partner' | 'reason'> | undefined) ??
    new Counter({
      name: WITHHELD,
      help: 'Referrals whose message was not sent (the insurer was told why), by reason',
      labelNames: ['connector', 'partner', 'reason'] as const,
      registers: [registry],
    });
  return {
    prepared: (labels) => prepared.inc(labels),
    withheld: (labels) => withheld.inc(labels),
  };
}

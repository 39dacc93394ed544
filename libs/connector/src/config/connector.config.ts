import { env, type ConfigOf } from '@rtw/platform';

/**
 * The settings every connector app has, validated with the shared ones at boot. The consumer group
 * is the app's own (`rtw-<app>`): each connector reads every accepted dossier event.
 */
export function connectorConfigSpec(app: string) {
  return {
    CONNECTOR_GROUP_ID: env.str({
      default: `rtw-${app}`,
      description: 'Consumer group on rtw.dossier.events.v1 (one per connector)',
    }),
    CONNECTOR_INSURER_CONTACTS_FILE: env.str({
      default: 'config/insurer-contacts.json',
      description: "Insurers' return-to-work coordination desks, named when a referral names none",
    }),
    CONNECTOR_PROCESSED_RETENTION_DAYS: env.int({
      default: 120,
      min: 91,
      max: 3650,
      description:
        'Days a handled event key is kept (longer than the 90-day dead-letter retention, so a replay is recognised)',
    }),
  };
}

/** The connector settings, as validated. */
export type ConnectorConfig = ConfigOf<ReturnType<typeof connectorConfigSpec>>;

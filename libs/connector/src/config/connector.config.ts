import { env, type ConfigOf, type EnvField } from '@rtw/platform';

const SHARED_SPEC = {
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

/**
 * The key of an app's consumer group setting, e.g. `ACTIRIS_CONNECTOR_GROUP_ID`: one per app, so a
 * shared `.env` never puts two connectors in one group (each would then see only part of the
 * dossier events).
 */
export function connectorGroupKey(app: string): string {
  return `${app.toUpperCase().replace(/-/g, '_')}_GROUP_ID`;
}

/**
 * The settings every connector app has, validated with the shared ones at boot: its own consumer
 * group (`rtw-<app>` by default), the insurers' coordination desks, and how long handled-event
 * keys are kept.
 */
export function connectorConfigSpec(
  app: string,
): typeof SHARED_SPEC & Record<string, EnvField<unknown>> {
  return {
    [connectorGroupKey(app)]: env.str({
      default: `rtw-${app}`,
      description: 'Consumer group on rtw.dossier.events.v1 (one per connector)',
    }),
    ...SHARED_SPEC,
  };
}

/** The connector settings every connector app has, as validated. */
export type ConnectorConfig = ConfigOf<typeof SHARED_SPEC>;

/** The app's consumer group, from its validated configuration. */
export function connectorGroupId(config: ConnectorConfig & { readonly app: string }): string {
  const group = (config as unknown as Record<string, unknown>)[connectorGroupKey(config.app)];
  if (typeof group !== 'string') throw new TypeError(`${connectorGroupKey(config.app)} is not set`);
  return group;
}

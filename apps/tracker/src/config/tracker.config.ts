import { env, type ConfigOf } from '@rtw/platform';
import type { HubConfig } from '@rtw/runtime';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The tracker's own settings, validated with the shared ones at boot. */
export const TRACKER_CONFIG_SPEC = {
  TRACKER_GROUP_ID: env.str({
    default: 'rtw-tracker',
    description: 'Consumer group of the tracker instances (they share the inbound partitions)',
  }),
  TRACKER_INBOUND_TOPIC: env.str({
    default: 'rtw.inbound.events.v1',
    description: 'Topic of accepted inbound events the tracker applies (tests use their own)',
  }),
  TRACKER_PARTITIONS_CONCURRENCY: env.int({
    default: 3,
    min: 1,
    max: 64,
    description: 'Inbound partitions one tracker instance processes in parallel',
  }),
  TRACKER_DEADLINE_LEAD_DAYS: env.int({
    default: 7,
    min: 0,
    max: 90,
    description: 'How many days before a legal deadline the insurer gets "due soon"',
  }),
  TRACKER_DEADLINE_SCAN_MS: env.int({
    default: 60_000,
    min: 50,
    max: DAY_MS,
    description: 'Pause between two scans for deadlines due soon or missed',
  }),
  TRACKER_RETENTION_SCAN_MS: env.int({
    default: 6 * 60 * 60 * 1000,
    min: 50,
    max: 7 * DAY_MS,
    description:
      'Pause between two retention purges of dossiers whose retention ended (the job acts on the Belgian date: at least daily)',
  }),
  TRACKER_RETENTION_BATCH_SIZE: env.int({
    default: 100,
    min: 1,
    max: 1000,
    description: 'Dossiers erased per transaction by the retention purge',
  }),
  TRACKER_PROCESSED_RETENTION_DAYS: env.int({
    default: 120,
    min: 91,
    max: 3650,
    description:
      'Days a processed-events inbox key is kept (longer than the 90-day dead-letter retention, so a replay is recognised)',
  }),
  TRACKER_PROCESSED_PURGE_MS: env.int({
    default: 6 * 60 * 60 * 1000,
    min: 50,
    max: DAY_MS,
    description:
      'Pause between two purges of processed-events inbox keys older than their retention',
  }),
  TRACKER_ORGANISATIONS_FILE: env.str({
    default: 'config/organisations.json',
    description:
      'Organisations registry; support organisations authenticate to the timeline API (same file as DELIVERY_ORGANISATIONS_FILE)',
  }),
  TRACKER_JWT_AUDIENCE: env.str({
    default: 'urn:rtw:hub:tracker',
    description: 'The aud every bearer token for the tracker API must name',
  }),
  TRACKER_JWT_CLOCK_TOLERANCE_S: env.int({
    default: 30,
    min: 0,
    max: 300,
    description: 'Clock skew tolerated on token times',
  }),
  TRACKER_JWT_MAX_LIFETIME_S: env.int({
    default: 300,
    min: 10,
    max: 3600,
    description: 'Longest accepted token lifetime (exp - iat)',
  }),
};

/** The tracker's validated configuration. */
export type TrackerConfig = HubConfig & ConfigOf<typeof TRACKER_CONFIG_SPEC>;

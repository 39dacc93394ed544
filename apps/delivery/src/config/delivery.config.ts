import { env, type ConfigOf, type EnvField } from '@rtw/platform';
import type { HubConfig } from '@rtw/runtime';

/** Delivery's own settings, validated with the shared ones at boot. */
export const DELIVERY_CONFIG_SPEC = {
  DELIVERY_PARTNERS_FILE: env.str({
    default: 'config/partners.json',
    description:
      'Partner directory: per organisation its endpoint, signing secrets, TLS material, limits',
  }),
  DELIVERY_PARTNER_SCHEMAS_DIR: env.str({
    default: 'schemas/partners',
    description:
      'Folder of partner contracts (JSON Schema files with an $id) checked before sending',
  }),
  DELIVERY_ORGANISATIONS_FILE: env.str({
    default: 'config/organisations.json',
    description: 'Organisations registry; support organisations authenticate to the replay API',
  }),
  DELIVERY_JWT_AUDIENCE: env.str({
    default: 'urn:rtw:hub:delivery',
    description: 'The aud every bearer token of the delivery API must name',
  }),
  DELIVERY_JWT_CLOCK_TOLERANCE_S: env.int({
    default: 30,
    min: 0,
    max: 300,
    description: 'Clock skew tolerated on token times',
  }),
  DELIVERY_JWT_MAX_LIFETIME_S: env.int({
    default: 300,
    min: 10,
    max: 3600,
    description: 'Longest accepted token lifetime (exp - iat)',
  }),
  DELIVERY_OUTBOUND_TOPIC_PATTERN: outboundPattern(),
  DELIVERY_GROUP_ID: env.str({
    default: 'rtw-delivery',
    description: 'Consumer group reading the outbound partner topics',
  }),
  DELIVERY_POLL_INTERVAL_MS: env.int({
    default: 1000,
    min: 10,
    max: 60_000,
    description: 'Longest pause of the dispatcher between two looks at due messages',
  }),
  DELIVERY_TURNS_PER_PLACE: env.int({
    default: 4,
    min: 1,
    max: 16,
    description:
      'Messages under way per request place of an organisation (claim, checks, settlement); requests in flight stay at its concurrency',
  }),
  DELIVERY_PURGE_SCAN_MS: env.int({
    default: 60 * 60 * 1000,
    min: 50,
    max: 24 * 60 * 60 * 1000,
    description: 'Pause between two deletions of what delivery kept of dossiers the tracker purged',
  }),
  DELIVERY_LEASE_MARGIN_MS: env.int({
    default: 30_000,
    min: 100,
    max: 600_000,
    description:
      'Added to a request timeout to lease a claimed message; after it, a crashed instance’s messages are claimed again',
  }),
  DELIVERY_RESPONSE_EXCERPT_BYTES: env.int({
    default: 512,
    min: 0,
    max: 4096,
    description: 'Bytes of a partner response kept (redacted) with each attempt',
  }),
  DELIVERY_REPLAY_MAX_MESSAGES: env.int({
    default: 500,
    min: 1,
    max: 100_000,
    description: 'Most messages one replay request may select; larger selections must be narrowed',
  }),
  DELIVERY_REPLAY_RATE_PER_SECOND: env.int({
    default: 5,
    min: 1,
    max: 1000,
    description: 'Replayed messages become due at most this many per second',
  }),
  DELIVERY_STATS_WINDOW_MS: env.int({
    default: 900_000,
    min: 60_000,
    max: 86_400_000,
    description: 'Window of the success rate and p95 latency per organisation in GET /v1/partners',
  }),
};

/** Delivery's validated configuration. */
export type DeliveryConfig = HubConfig & ConfigOf<typeof DELIVERY_CONFIG_SPEC>;

/** The outbound topic pattern: must name the partner with `{partner}`. */
function outboundPattern(): EnvField<string> {
  const field = env.str({
    default: 'rtw.outbound.{partner}.v1',
    description: 'Outbound partner topics; {partner} stands for the partner (tests use their own)',
  });
  return {
    ...field,
    parse: (raw) =>
      raw.includes('{partner}')
        ? field.parse(raw)
        : { ok: false, reason: 'must contain {partner}' },
  };
}

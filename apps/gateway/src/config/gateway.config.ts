import { env, type ConfigOf, type EnvField } from '@rtw/platform';
import type { HubConfig } from '@rtw/runtime';
import { DEFAULT_BATCH_MAX_EVENTS, DEFAULT_INGRESS_TOPIC_PATTERN } from '@rtw/ingress';

const MiB = 1024 * 1024;

/**
 * The gateway's own settings, validated with the shared ones at boot. Built from the environment
 * because one rule spans two keys: development keys are refused when NODE_ENV=production, and the
 * refusal must name GATEWAY_DEV_STATIC_KEYS like any other bad key (exit 78).
 */
export function gatewayConfigSpec(environment: NodeJS.ProcessEnv) {
  return {
    GATEWAY_ORGANISATIONS_FILE: env.str({
      default: 'config/organisations.json',
      description: 'Organisations registry (kinds, codes, JWKS files, certificate fingerprints)',
    }),
    GATEWAY_DEV_STATIC_KEYS: devStaticKeys(environment),
    GATEWAY_JWT_AUDIENCE: env.str({
      default: 'urn:rtw:hub:gateway',
      description: 'The aud every bearer token must name',
    }),
    GATEWAY_JWT_CLOCK_TOLERANCE_S: env.int({
      default: 30,
      min: 0,
      max: 300,
      description: 'Clock skew tolerated on token times',
    }),
    GATEWAY_JWT_MAX_LIFETIME_S: env.int({
      default: 300,
      min: 10,
      max: 3600,
      description: 'Longest accepted token lifetime (exp - iat)',
    }),
    GATEWAY_EVENT_MAX_BYTES: env.int({
      default: 256 * 1024,
      min: 1024,
      max: 8 * MiB,
      description: 'Largest single-event request body',
    }),
    GATEWAY_BATCH_MAX_BYTES: env.int({
      default: 4 * MiB,
      min: 1024,
      max: 64 * MiB,
      description: 'Largest batch request body',
    }),
    GATEWAY_BATCH_MAX_EVENTS: env.int({
      default: DEFAULT_BATCH_MAX_EVENTS,
      min: 1,
      max: 10_000,
      description: 'Most events in one batch',
    }),
    GATEWAY_ANSWER_MAX_BYTES: env.int({
      default: 64 * 1024,
      min: 1024,
      max: MiB,
      description: 'Largest partner answer document (POST /v1/partner-answers), XML or JSON',
    }),
    GATEWAY_RATE_LIMIT_PER_SECOND: env.int({
      default: 50,
      min: 1,
      max: 100_000,
      description: 'Requests per second each organisation may sustain (per instance)',
    }),
    GATEWAY_RATE_LIMIT_BURST: env.int({
      default: 100,
      min: 1,
      max: 100_000,
      description: 'Requests an organisation may send at once (per instance)',
    }),
    GATEWAY_MTLS_PORT: env.int({
      default: 0,
      min: 0,
      max: 65535,
      description: 'HTTPS port requesting client certificates; 0 disables mutual TLS',
    }),
    GATEWAY_TLS_CERT_FILE: env.str({
      default: 'none',
      description: 'Server certificate (PEM) of the mutual TLS port',
    }),
    GATEWAY_TLS_KEY_FILE: env.str({
      default: 'none',
      description: 'Server private key (PEM) of the mutual TLS port',
    }),
    GATEWAY_KAFKA_INGRESS: env.bool({
      default: true,
      description: "Consume insurers' raw ingress topics",
    }),
    GATEWAY_INGRESS_TOPIC_PATTERN: env.str({
      default: DEFAULT_INGRESS_TOPIC_PATTERN,
      description: 'Raw ingress topic per insurer; {insurer} stands for the code',
    }),
    GATEWAY_INGRESS_GROUP_ID: env.str({
      default: 'rtw-gateway-ingress',
      description: 'Consumer group of the Kafka ingress',
    }),
    GATEWAY_OUTBOX_RELAY: env.bool({
      default: true,
      description: 'Relay committed outbox rows to Kafka from this process',
    }),
    GATEWAY_IDEMPOTENCY_RETENTION_DAYS: env.int({
      default: 30,
      min: 7,
      max: 3650,
      description:
        'Days an accepted event id is remembered; after that the same id is accepted as new, so keep it longer than any publisher retries',
    }),
    GATEWAY_IDEMPOTENCY_PURGE_MS: env.int({
      default: 60 * 60 * 1000,
      min: 50,
      max: 24 * 60 * 60 * 1000,
      description: 'Pause between two purges of idempotency records older than their retention',
    }),
    GATEWAY_AUDIT_PURGE_MS: env.int({
      default: 60 * 60 * 1000,
      min: 50,
      max: 24 * 60 * 60 * 1000,
      description: 'Pause between two deletions of the audit rows of dossiers the tracker purged',
    }),
  };
}

/** The gateway's validated configuration. */
export type GatewayConfig = HubConfig & ConfigOf<ReturnType<typeof gatewayConfigSpec>>;

/** Optional path of the development keys file; a set value is refused when NODE_ENV=production. */
function devStaticKeys(environment: NodeJS.ProcessEnv): EnvField<string> {
  const path = env.str({
    default: 'none',
    description:
      'LOCAL DEVELOPMENT ONLY: static keys file (Authorization: DevKey <key>); refused in production',
  });
  return {
    ...path,
    parse: (raw) =>
      environment['NODE_ENV'] === 'production'
        ? { ok: false, reason: 'is refused when NODE_ENV=production' }
        : path.parse(raw),
  };
}

/** The value of an optional file setting, undefined when unset. */
export function optionalFile(value: string): string | undefined {
  return value === 'none' ? undefined : value;
}

import { env, type ConfigOf, type EnvField } from '@rtw/platform';
import type { HubConfig } from '@rtw/runtime';

/** Every development pseudonym secret starts with this; such a value is refused in production. */
export const DEVELOPMENT_SECRET_PREFIX = 'development-only-';

const MIN_SECRET_LENGTH = 32;

/**
 * The INAMI evaluation's own settings, validated with the shared ones at boot. Built from the
 * environment because one rule spans two keys: a development pseudonym secret is refused when
 * NODE_ENV=production, and the refusal must name the key like any other bad key (exit 78).
 */
export function inamiEvaluationConfigSpec(environment: NodeJS.ProcessEnv) {
  return {
    INAMI_PSEUDONYM_SECRET: pseudonymSecret(environment),
    INAMI_DATASET_PAGE_SIZE: env.int({
      default: 500,
      min: 1,
      max: 10_000,
      description: 'Dossiers read per page while building a dataset (bounds the memory of a build)',
    }),
    INAMI_ORGANISATIONS_FILE: env.str({
      default: 'config/organisations.json',
      description: 'Organisations registry; support organisations authenticate to the dataset API',
    }),
    INAMI_JWT_AUDIENCE: env.str({
      default: 'urn:rtw:hub:inami-evaluation',
      description: 'The aud every bearer token of the INAMI evaluation API must name',
    }),
    INAMI_JWT_CLOCK_TOLERANCE_S: env.int({
      default: 30,
      min: 0,
      max: 300,
      description: 'Clock skew tolerated on token times',
    }),
    INAMI_JWT_MAX_LIFETIME_S: env.int({
      default: 300,
      min: 10,
      max: 3600,
      description: 'Longest accepted token lifetime (exp - iat)',
    }),
    INAMI_SCHEDULE_ENABLED: env.bool({
      default: true,
      description:
        'Run the yearly schedule: the draft of the previous year built in January, reminders to each insurer until INAMI acknowledges a version',
    }),
    INAMI_SCHEDULE_CHECK_MS: env.int({
      default: 3_600_000,
      min: 1_000,
      max: 86_400_000,
      description:
        'Pause between two checks of the yearly schedule (each check is safe with several instances)',
    }),
    INAMI_SCHEDULE_START_DAY: env.int({
      default: 2,
      min: 1,
      max: 31,
      description:
        'Day of January from which the draft of the previous year is built and the first reminder sent',
    }),
    INAMI_REMINDER_EVERY_DAYS: env.int({
      default: 7,
      min: 1,
      max: 90,
      description:
        'Length of a reminder period in days: at most one reminder per insurer and period until a version is acknowledged',
    }),
    INAMI_RECEIPTS_GROUP_ID: env.str({
      default: 'inami-evaluation-receipts',
      description: "Consumer group reading delivery's receipts of submitted dataset versions",
    }),
  };
}

/** The INAMI evaluation's validated configuration. */
export type InamiEvaluationConfig = HubConfig &
  ConfigOf<ReturnType<typeof inamiEvaluationConfigSpec>>;

/**
 * The HMAC key of the dataset pseudonyms (ADR 0080): required, at least 32 characters, never
 * leaves the hub. Without a default, so a missing secret stops the process at boot.
 */
function pseudonymSecret(environment: NodeJS.ProcessEnv): EnvField<string> {
  return {
    description: `Secret keying the pseudonyms of the INAMI dataset (HMAC-SHA256, at least ${MIN_SECRET_LENGTH} characters; hub start gives a development value; never shared)`,
    parse: (raw) => {
      if (raw.length < MIN_SECRET_LENGTH) {
        return { ok: false, reason: `must be at least ${MIN_SECRET_LENGTH} characters` };
      }
      if (environment['NODE_ENV'] === 'production' && raw.startsWith(DEVELOPMENT_SECRET_PREFIX)) {
        return { ok: false, reason: 'is a development secret, refused when NODE_ENV=production' };
      }
      return { ok: true, value: raw };
    },
  };
}

import { env, type ConfigOf, type EnvField } from '@rtw/platform';
import type { HubConfig } from '@rtw/runtime';

/** Every development secret starts with this; such a value is refused in production. */
export const DEVELOPMENT_SECRET_PREFIX = 'development-only-';

const MIN_SECRET_LENGTH = 32;

/**
 * The monitor's own settings (ADR 0090-0092), validated with the shared ones at boot. Built from
 * the environment because a development secret is refused when NODE_ENV=production.
 */
export function monitorConfigSpec(environment: NodeJS.ProcessEnv) {
  return {
    MONITOR_PUBLIC_URL: env.url({
      default: 'http://127.0.0.1:3003',
      protocols: ['http:', 'https:'],
      description:
        'Origin people reach the console at (login redirect URI and the Origin checked on every state change)',
    }),
    MONITOR_OIDC_ISSUER: env.url({
      default: 'http://127.0.0.1:3005',
      protocols: ['http:', 'https:'],
      description:
        "Issuer URL of the organisation's OpenID provider (discovered at start; hub start runs a development provider here)",
    }),
    MONITOR_OIDC_CLIENT_ID: env.str({
      default: 'rtw-monitor',
      description: 'Client id of the monitor at the OpenID provider',
    }),
    MONITOR_OIDC_AUDIENCE: env.str({
      default: 'urn:rtw:hub:monitor',
      description:
        "Audience (resource indicator) the provider's access tokens must carry for the monitor's API; the rtw CLI sends them as bearer tokens",
    }),
    MONITOR_OIDC_CLIENT_SECRET: secret(
      environment,
      'Client secret of the monitor at the OpenID provider',
    ),
    MONITOR_SESSION_SECRET: secret(
      environment,
      `Key of the encrypted session cookie (at least ${MIN_SECRET_LENGTH} characters; rotating it logs everyone out)`,
    ),
    MONITOR_SESSION_TTL_S: env.int({
      default: 8 * 60 * 60,
      min: 60,
      max: 24 * 60 * 60,
      description: 'How long a console session lasts after login',
    }),
    MONITOR_COOKIE_SECURE: env.bool({
      default: true,
      description: 'Mark the session cookies Secure (false only for plain-http local runs)',
    }),
    MONITOR_SUPPORT_ORGANISATION: env.str({
      default: 'support:hub-support',
      description:
        'Support organisation (<kind>:<code> of the organisations registry) the monitor signs support tokens as',
    }),
    MONITOR_SUPPORT_SIGNING_KEYS_FILE: env.str({
      default: '.local/keys/monitor-signing-keys.json',
      description:
        'Private signing keys, {"keys":{"<kind>:<code>":{kid,alg,jwk}}}; its public JWKS is in the organisations registry',
    }),
    MONITOR_TRACKER_URL: env.url({
      default: 'http://127.0.0.1:3001',
      protocols: ['http:', 'https:'],
      description: "Base URL of the tracker's timeline API",
    }),
    MONITOR_DELIVERY_URL: env.url({
      default: 'http://127.0.0.1:3002',
      protocols: ['http:', 'https:'],
      description: "Base URL of delivery's support API",
    }),
    MONITOR_UPSTREAM_TIMEOUT_MS: env.int({
      default: 5000,
      min: 100,
      max: 60_000,
      description:
        'How long the monitor waits for the tracker or delivery before saying unavailable',
    }),
    MONITOR_CONSOLE_DIR: env.str({
      default: 'apps/monitor/public',
      description: "Folder of the console's HTML, CSS and JavaScript",
    }),
  };
}

/** The monitor's validated configuration. */
export type MonitorConfig = HubConfig & ConfigOf<ReturnType<typeof monitorConfigSpec>>;

/** A required secret of at least 32 characters; a development value is refused in production. */
function secret(environment: NodeJS.ProcessEnv, description: string): EnvField<string> {
  return {
    description: `${description}; hub start gives a development value`,
    parse: (raw) => {
      if (raw.length < MIN_SECRET_LENGTH)
        return { ok: false, reason: `must be at least ${MIN_SECRET_LENGTH} characters` };
      if (environment['NODE_ENV'] === 'production' && raw.startsWith(DEVELOPMENT_SECRET_PREFIX))
        return { ok: false, reason: 'is a development secret, refused when NODE_ENV=production' };
      return { ok: true, value: raw };
    },
  };
}

import { env, type ConfigOf, type EnvField } from '@rtw/platform';
import type { HubConfig } from '@rtw/runtime';

/**
 * The sandbox's own settings. Built from the environment for one rule spanning two keys: the
 * development keys (static gateway keys) are refused when NODE_ENV=production, like the
 * gateway's own switch.
 */
export function partnerSandboxConfigSpec(environment: NodeJS.ProcessEnv) {
  return {
    PARTNER_SANDBOX_GATEWAY_URL: env.url({
      default: 'http://127.0.0.1:3000',
      protocols: ['http:', 'https:'],
      description:
        "Gateway the sandbox's partners send their answers to (POST /v1/partner-answers)",
    }),
    PARTNER_SANDBOX_GATEWAY_AUDIENCE: env.str({
      default: 'urn:rtw:hub:gateway',
      description: 'The aud of the tokens the sandbox signs for its callbacks',
    }),
    PARTNER_SANDBOX_SECRETS_DIR: env.str({
      default: 'config/keys/dev-partner-secrets',
      description:
        'Folder of the delivery signing secrets, one file <kind>-<code>.secret per organisation (one whsec_ secret a line)',
    }),
    PARTNER_SANDBOX_SIGNING_KEYS_FILE: env.str({
      default: 'none',
      description:
        "Private JWKs per organisation ({ keys: { '<kind>:<code>': { kid, alg, jwk } } }) to sign callback tokens",
    }),
    PARTNER_SANDBOX_DEV_KEYS_FILE: devKeysFile(environment),
    PARTNER_SANDBOX_PREVENTION_SERVICES_FILE: env.str({
      default: 'config/prevention-services.json',
      description:
        'Prevention services whose CPMTs the sandbox plays; the example service 0403170701 when the file is missing',
    }),
    PARTNER_SANDBOX_SCRIPTS_FILE: env.str({
      default: 'none',
      description:
        'Answer scripts per organisation or partner (JSON); the built-in scripts otherwise',
    }),
    PARTNER_SANDBOX_CALLBACKS: env.bool({
      default: true,
      description: 'Send the scripted answers to the gateway after acknowledging a message',
    }),
    PARTNER_SANDBOX_CALLBACK_DELAY_MS: env.int({
      default: 500,
      min: 0,
      max: 3_600_000,
      description: 'Pause before each scripted answer, unless the script says otherwise',
    }),
    PARTNER_SANDBOX_CALLBACK_ATTEMPTS: env.int({
      default: 5,
      min: 1,
      max: 50,
      description: 'Attempts per answer while the gateway answers 429, 5xx or cannot be reached',
    }),
    PARTNER_SANDBOX_SEED: env.int({
      default: 1,
      min: 0,
      max: 2_147_483_647,
      description: 'Seed of the failure draws (failureRate), so fault runs repeat exactly',
    }),
    PARTNER_SANDBOX_TIMEOUT_HOLD_MS: env.int({
      default: 120_000,
      min: 1_000,
      max: 3_600_000,
      description: "How long the 'timeout' mode holds a request before dropping its connection",
    }),
    PARTNER_SANDBOX_MAX_MESSAGE_BYTES: env.int({
      default: 1024 * 1024,
      min: 1024,
      max: 64 * 1024 * 1024,
      description: 'Largest message accepted (referrals are ~2 KiB; the INAMI dataset is larger)',
    }),
  };
}

/** The sandbox's validated configuration. */
export type PartnerSandboxConfig = HubConfig &
  ConfigOf<ReturnType<typeof partnerSandboxConfigSpec>>;

/** The value of an optional file setting, undefined when unset. */
export function optionalFile(value: string): string | undefined {
  return value === 'none' ? undefined : value;
}

// Set explicitly in production, it is a configuration error; its default is ignored there
// (CallbackCredentials never loads development keys when NODE_ENV=production).
function devKeysFile(environment: NodeJS.ProcessEnv): EnvField<string> {
  const path = env.str({
    default: 'config/keys/dev-static-keys.json',
    description:
      'LOCAL DEVELOPMENT ONLY: the gateway development keys (DevKey) the sandbox uses for organisations without a signing key; none in production',
  });
  return {
    ...path,
    parse: (raw) =>
      environment['NODE_ENV'] === 'production' && raw.trim() !== 'none'
        ? { ok: false, reason: 'must be none when NODE_ENV=production' }
        : path.parse(raw),
  };
}

import { env, type ConfigOf, type EnvField } from '@rtw/platform';

/** One app the monitor watches: its name and base URL (it reads `/metrics` and `/health/ready`). */
export interface ScrapeTarget {
  readonly name: string;
  readonly url: string;
}

/** `name=url` pairs, comma-separated, e.g. `gateway=http://127.0.0.1:3000`. */
function scrapeTargets(options: { default: ScrapeTarget[]; description: string }) {
  const field: EnvField<ScrapeTarget[]> = {
    description: options.description,
    defaultValue: options.default,
    parse: (raw) => {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      const targets: ScrapeTarget[] = [];
      for (const item of items) {
        const [name, url] = [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)];
        if (!/^[a-z][a-z0-9-]*$/.test(name) || !isHttpUrl(url))
          return { ok: false, reason: 'each entry must be name=http(s)://host:port' };
        targets.push(scrapeTarget(name, url));
      }
      if (new Set(targets.map((t) => t.name)).size !== targets.length)
        return { ok: false, reason: 'each name may appear once' };
      return { ok: true, value: targets };
    },
  };
  return field;
}

/** A target that prints as `name=url` (how .env.example shows the default list). */
function scrapeTarget(name: string, url: string): ScrapeTarget {
  const target = { name, url };
  Object.defineProperty(target, 'toString', { value: () => `${name}=${url}` });
  return target;
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

const local = (name: string, port: number) => scrapeTarget(name, `http://127.0.0.1:${port}`);

/** The overview's and the alerts' settings, validated with the shared ones at boot. */
export const OVERVIEW_CONFIG_SPEC = {
  MONITOR_SCRAPE_TARGETS: scrapeTargets({
    default: [
      local('gateway', 3000),
      local('tracker', 3001),
      local('delivery', 3002),
      local('cpmt-connector', 3010),
      local('actiris-connector', 3011),
      local('regional-connector', 3012),
      local('inami-evaluation', 3013),
    ],
    description:
      'Apps the monitor watches (their /metrics and /health/ready), as name=base-url pairs, comma-separated',
  }),
  MONITOR_TOPIC_PREFIX: env.str({
    default: 'rtw.',
    description:
      'Only topics whose name starts with this are shown (the hub grammar rtw.<area>...)',
  }),
  MONITOR_SAMPLE_INTERVAL_MS: env.int({
    default: 15_000,
    min: 200,
    max: 600_000,
    description: 'Pause between two samples of Kafka offsets, app metrics and deadlines',
  }),
  MONITOR_SOURCE_TIMEOUT_MS: env.int({
    default: 5_000,
    min: 100,
    max: 60_000,
    description: 'Longest wait for one source (broker, database, one app) in a sample',
  }),
  MONITOR_HISTORY_POINTS: env.int({
    default: 240,
    min: 2,
    max: 5_000,
    description: 'Samples kept in memory for rates, windows and the history chart',
  }),
  MONITOR_RATE_WINDOW_MS: env.int({
    default: 60_000,
    min: 1_000,
    max: 3_600_000,
    description: 'Window of the per-minute topic rates (events in and out)',
  }),
  MONITOR_PARTNER_WINDOW_MS: env.int({
    default: 15 * 60_000,
    min: 1_000,
    max: 24 * 3_600_000,
    description: 'Window of the partner success rate and p95 latency',
  }),
  MONITOR_DEADLINE_LEAD_DAYS: env.int({
    default: 7,
    min: 0,
    max: 90,
    description: 'A legal deadline due within this many days counts as due soon (as the tracker)',
  }),
};

/** The overview's settings, typed. */
export type OverviewConfig = ConfigOf<typeof OVERVIEW_CONFIG_SPEC>;

import { bool, hostPortList, int, oneOf, port, str, url } from './env-fields';

/** Settings every hub process reads; an app adds its own fields next to these. */
export const HUB_CONFIG_SPEC = {
  NODE_ENV: oneOf(['development', 'test', 'production'] as const, {
    default: 'development',
    description: 'Runtime mode; production refuses development-only switches',
  }),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const, {
    default: 'info',
    description: 'Minimum log level',
  }),
  KAFKA_BROKERS: hostPortList({
    default: ['127.0.0.1:9092'],
    description: 'Kafka bootstrap brokers, comma-separated host:port',
  }),
  KAFKA_CLIENT_ID_PREFIX: str({ default: 'rtw', description: 'Prefix of Kafka client ids' }),
  KAFKA_TOPIC_PARTITIONS: int({
    default: 12,
    min: 1,
    max: 1000,
    description: 'Partitions of dossier-keyed topics created at start',
  }),
  KAFKA_REPLICATION_FACTOR: int({
    default: 1,
    min: 1,
    max: 5,
    description: 'Replication factor of topics created at start (3 in production)',
  }),
  DATABASE_URL: url({
    default: 'postgres://postgres@127.0.0.1:5432/rtw',
    protocols: ['postgres:', 'postgresql:'],
    description: 'PostgreSQL connection URL',
  }),
  DATABASE_POOL_SIZE: int({
    default: 10,
    min: 1,
    max: 200,
    description: 'Connections per process',
  }),
  HTTP_HOST: str({ default: '127.0.0.1', description: 'Address the HTTP server binds to' }),
  SHUTDOWN_GRACE_MS: int({
    default: 15000,
    min: 0,
    max: 600000,
    description: 'How long a stopping process may finish in-flight work',
  }),
  BACKGROUND_RETRY_MAX_MS: int({
    default: 15000,
    min: 100,
    max: 600000,
    description: 'Longest wait between two attempts to start a failed background component',
  }),
  TEST_CLOCK_CONTROL: bool({
    default: false,
    description:
      "TESTS ONLY: serve PUT /test/clock to move this process's clock; refused in production",
  }),
  METRICS_ENABLED: bool({ default: true, description: 'Serve Prometheus metrics at /metrics' }),
};

/** The port field an app declares under its own variable name (GATEWAY_PORT, TRACKER_PORT...). */
export function appPort(defaultPort: number) {
  return port({ default: defaultPort, description: 'HTTP port (health, metrics, API)' });
}

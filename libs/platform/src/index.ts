// Framework-free foundations every lib may use: errors, configuration, logging, metrics, backoff.
// Nest-specific pieces (health endpoints, metrics controller, Nest logger) live in @rtw/runtime.
export { HubError, isRetriable, errorCode } from './errors/hub-error';
export { ConfigError, type ConfigProblem } from './config/config.error';
export * as env from './config/env-fields';
export type { EnvField } from './config/env-fields';
export { loadConfig, describeConfig, type ConfigSpec, type ConfigOf } from './config/load-config';
export { HUB_CONFIG_SPEC, appPort } from './config/hub-config';
export { createLogger, type Logger, type LoggerOptions } from './logging/logger';
export { REDACTED_PATHS, scrubText } from './logging/redaction';
export { startProcessMetrics } from './metrics/process-metrics';
export { backoffDelay, sleep } from './bootstrap/backoff';
export { OffsetClock, systemClock, type Clock } from './clock/clock';

// Framework-free foundations every lib may use: errors, configuration, logging, metrics, backoff.
// Nest-specific pieces (health endpoints, metrics controller, Nest logger) live in @rtw/runtime.
export { HubError, INTERNAL_ERROR, isRetriable, errorCode } from './errors/hub-error';
export {
  ConfigError,
  PLATFORM_ERROR_CODES,
  type ConfigProblem,
  type PlatformErrorCode,
} from './config/config.error';
export * as env from './config/env-fields';
export type { EnvField } from './config/env-fields';
export { loadConfig, describeConfig, type ConfigSpec, type ConfigOf } from './config/load-config';
export { HUB_CONFIG_SPEC, appPort } from './config/hub-config';
export { createLogger, type Logger, type LoggerOptions } from './logging/logger';
export { scrubText } from './logging/redaction';
export { startProcessMetrics } from './metrics/process-metrics';
export { backoffDelay, sleep } from './bootstrap/backoff';
export { OffsetClock, systemClock, type Clock } from './clock/clock';

export {
  runHubApp,
  createHubApp,
  readConfig,
  EXIT_CONFIG,
  type HubAppDefinition,
} from './bootstrap/run-hub-app';
export { HubRuntimeModule, type HubRuntimeOptions } from './bootstrap/hub-runtime.module';
export {
  HUB_CLOCK,
  HUB_CONFIG,
  HUB_ENTITIES,
  HUB_LOGGER,
  HUB_TOPOLOGY,
  type HubConfig,
} from './bootstrap/tokens';
export { KafkaConnection, type HostedConsumerOptions } from './kafka/kafka.connection';
export { OutboxRelayHost, OUTBOX_RELAY_COMPONENT } from './outbox/outbox-relay.host';
export { BackgroundSupervisor } from './supervision/background.supervisor';
export { periodicJob, type PeriodicJobOptions } from './supervision/periodic.job';
export type {
  BackgroundComponent,
  ComponentState,
  RunningComponent,
  RuntimeDependency,
} from './supervision/background-component.types';
export { DatabaseConnection } from './database/database.connection';
export { connectWithBackoff, type ConnectPlan } from './supervision/connect-with-backoff';
export { HealthModule } from './health/health.module';
export {
  ReadinessRegistry,
  type ReadinessCheck,
  type ReadinessReport,
} from './health/readiness.registry';
export { MetricsController } from './metrics/metrics.controller';
export {
  HTTP_PROBLEM_STATUS,
  httpProblem,
  type HttpProblem,
  type HttpProblemCode,
} from './http/http-problem.codes';
export { noteProblemCode, problemCodeOf, sendProblem } from './http/problem.response';
export { HttpProblemFilter, problemOf as frameworkProblemOf } from './http/problem.filter';
export { answerClientErrors } from './http/client-error.responder';
export { NestPinoLogger } from './logging/nest-logger';

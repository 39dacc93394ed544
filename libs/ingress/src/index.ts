// Public API of @rtw/ingress: the gateway's logic, free of HTTP and Nest. Authentication (JWT,
// client certificates, development keys), the authorisation matrix, strict parsing, the durable
// submission pipeline with idempotency and audit, rate limiting and the Kafka ingress handler; and
// the authentication of support people on the hub's support APIs (delivery, tracker).
export {
  INGRESS_REASON_CODES,
  REASON_CODES,
  type IngressReasonCode,
  type ReasonCode,
} from './errors/reason.codes';
export { IngressError, type Refusal } from './errors/ingress.error';
export { DATABASE_RETRY_AFTER_SECONDS, withDatabase } from './database/database-failure';

export { readRequestBody } from './parsing/request-body.reader';
export { BATCH_MEDIA_TYPE, SINGLE_EVENT_MEDIA_TYPE, assertMediaType } from './parsing/media-type';
export { parseStrictJsonBytes } from './parsing/strict-json.parser';
export {
  DEFAULT_BATCH_MAX_EVENTS,
  parseBatchBody,
  parseSingleEventBody,
} from './parsing/submission-body.parser';

export {
  ORGANISATION_KINDS,
  type Organisation,
  type OrganisationKind,
  type RegistryEnvironment,
} from './organisations/organisation.types';
export { OrganisationRegistry } from './organisations/organisation.registry';
export {
  loadOrganisations,
  type LoadOrganisationsOptions,
} from './organisations/organisations-file.loader';

export type { AuthenticationMethod, Caller, Credentials } from './authentication/caller.types';
export type { TokenPolicy } from './authentication/token-policy';
export { TokenAuthenticator } from './authentication/token.authenticator';
export type { TokenReplayGuard } from './authentication/token-replay.guard';
export { PostgresTokenReplayGuard } from './authentication/postgres-token-replay.guard';
export { DevKeyAuthenticator } from './authentication/dev-key.authenticator';
export {
  RequestAuthenticator,
  type RequestAuthenticatorParts,
} from './authentication/request.authenticator';

export {
  SUPPORT_ROLES,
  rolesOf,
  type SupportActor,
  type SupportRole,
} from './support/support-actor.types';
export {
  SUPPORT_ACCESS_CODES,
  SupportAccessError,
  isSupportAccessCode,
  type SupportAccessCode,
} from './support/support-access.error';
export {
  SupportAuthenticator,
  requireRole,
  requireSubject,
  type SupportAuthenticatorParts,
} from './support/support.authenticator';

export type { PartnerRef, RelationRegister } from './authorisation/relation-register.port';
export { PublishAuthoriser } from './authorisation/publish.authoriser';

export { EVENT_ID_PATTERN, isEventId, type EventFacts } from './validation/event-facts';
export { EventJudge, type Judgement } from './validation/event.judge';

export type {
  Channel,
  ItemOutcome,
  Submission,
  SubmissionItem,
  SubmissionStore,
} from './submission/submission.types';
export { SubmissionService } from './submission/submission.service';
export { PostgresSubmissionStore } from './submission/postgres-submission.store';
export { purgeIdempotencyRecords } from './idempotency/idempotency.purge';
export { AuditTrail, type RequestRefusal } from './audit/audit.trail';
export { EventStatusReader, type EventStatus } from './status/event-status.reader';

export { RateLimiter, type RateLimit } from './rate-limit/rate.limiter';

export {
  DEFAULT_INGRESS_TOPIC_PATTERN,
  ingressTopic,
  ingressTopology,
} from './kafka-ingress/ingress.topics';
export {
  createIngressHandler,
  type IngressHandlerParts,
} from './kafka-ingress/ingress-record.handler';
export {
  createRejectionNotifier,
  type RejectionNotifierParts,
} from './kafka-ingress/rejection.notifier';

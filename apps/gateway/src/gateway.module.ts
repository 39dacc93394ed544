import { Module } from '@nestjs/common';
import { KafkaDegradedCheck } from './health/kafka-degraded.check';
import { AuthenticationGuard } from './http/authentication.guard';
import { EdgeHook } from './http/edge.hook';
import { EventsController } from './http/events.controller';
import { OpenApiController } from './http/openapi.controller';
import { PartnerAnswersController } from './http/partner-answers.controller';
import { RateLimitGuard } from './http/rate-limit.guard';
import { INGRESS_PROVIDERS } from './ingress/ingress.providers';
import { KafkaIngressService } from './kafka-ingress/kafka-ingress.service';
import { IdempotencyPurgeService } from './maintenance/idempotency-purge.service';
import { PurgedDossiersAuditJob } from './maintenance/purged-dossiers-audit.job';
import { TokenPurgeService } from './maintenance/token-purge.service';
import { OutboxRelayStarter } from './relay/outbox-relay.starter';
import { PARTNER_ANSWER_PROVIDERS } from './partner-answers/partner-answers.providers';
import { MutualTlsServer } from './tls/mutual-tls.server';

/**
 * The authenticated front door: insurers and partners submit events over HTTP (bearer JWT or
 * mutual TLS) or over their Kafka ingress topic, partners also their answers in their own format; accepted events are committed to the outbox and
 * relayed to rtw.inbound.events.v1. The logic lives in @rtw/ingress; this module wires it.
 */
@Module({
  controllers: [EventsController, PartnerAnswersController, OpenApiController],
  providers: [
    ...INGRESS_PROVIDERS,
    ...PARTNER_ANSWER_PROVIDERS,
    AuthenticationGuard,
    RateLimitGuard,
    EdgeHook,
    OutboxRelayStarter,
    KafkaIngressService,
    KafkaDegradedCheck,
    MutualTlsServer,
    TokenPurgeService,
    IdempotencyPurgeService,
    PurgedDossiersAuditJob,
  ],
})
export class GatewayModule {}

import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { OpenApiController } from './http/openapi.controller';
import { ProblemFilter } from './http/problem.filter';
import {
  DeadLettersController,
  DeliveriesController,
  PartnersController,
  ReplaysController,
} from './http/support.controllers';
import { SupportGuard } from '@rtw/support-api';
import { QueueMetricsJob } from './metrics/queue-metrics.job';
import { PurgedDossiersJob } from './retention/purged-dossiers.job';
import { DELIVERY_PROVIDERS } from './delivery.providers';
import { DispatcherHost } from './dispatch/dispatcher.host';
import { OutboundIntakeService } from './queue/outbound-intake.service';
import { ReceiptRelayStarter } from './receipts/receipt-relay.starter';

/**
 * Delivers partner messages from rtw.outbound.<partner>.v1 over HTTPS (ADR 0060): a durable queue
 * in PostgreSQL fed by a supervised consumer, a dispatcher with per-organisation bulkheads and
 * circuit breakers, signed requests, retries as data, dead letters and receipts through the
 * outbox, and the support API for dead letters and replay (ADR 0061).
 */
@Module({
  controllers: [
    DeadLettersController,
    DeliveriesController,
    ReplaysController,
    PartnersController,
    OpenApiController,
  ],
  providers: [
    ...DELIVERY_PROVIDERS,
    OutboundIntakeService,
    DispatcherHost,
    ReceiptRelayStarter,
    QueueMetricsJob,
    PurgedDossiersJob,
    SupportGuard,
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class DeliveryModule {}

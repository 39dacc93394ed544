import { Module } from '@nestjs/common';
import { AlertsController } from '../alerts/alerts.controller';
import { AlertsService } from '../alerts/alerts.service';
import { SubjectAccessModule } from '../subject-access/subject-access.module';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';
import { OverviewSampler } from './sampling/overview.sampler';

/**
 * The monitor's overview (ADR 0095) and alerts (ADR 0096): samples the broker, the apps' metrics
 * and the database in the background and serves `GET /v1/overview` and `GET /v1/alerts`. Brings in
 * the subject access module (ADR 0097, 0104: its service and `POST /v1/subject-access`).
 * Imported by MonitorModule; uses the runtime's global providers (config, clock, supervisor,
 * database connection).
 */
@Module({
  imports: [SubjectAccessModule],
  controllers: [OverviewController, AlertsController],
  providers: [OverviewSampler, OverviewService, AlertsService],
  exports: [OverviewSampler, OverviewService, AlertsService, SubjectAccessModule],
})
export class OverviewModule {}

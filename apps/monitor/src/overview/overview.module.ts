import { Module } from '@nestjs/common';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';
import { OverviewSampler } from './sampling/overview.sampler';

/**
 * The monitor's overview (ADR 0095): samples the broker, the apps' metrics and the database in
 * the background and serves `GET /v1/overview`. Imported by MonitorModule; uses the runtime's
 * global providers (config, clock, supervisor, database connection).
 */
@Module({
  controllers: [OverviewController],
  providers: [OverviewSampler, OverviewService],
  exports: [OverviewSampler, OverviewService],
})
export class OverviewModule {}

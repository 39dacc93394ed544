import { Module } from '@nestjs/common';
import { OverviewModule } from './overview/overview.module';

/**
 * Support teams' window: message timelines, consumer lag, dead-letter inspection and replay, alerts.
 * The overview (flows, lag, dead letters, partners, deadlines) samples its sources in the
 * background; the console and its other screens arrive with their own work.
 */
@Module({ imports: [OverviewModule] })
export class MonitorModule {}
